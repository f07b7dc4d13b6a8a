/**
 * A git repository made of a generated project, for measuring review and merge at scale: the
 * project on `main`; `head`, a branch that changes every other sidecar (retags one passage, changes
 * the memo of another, removes a third); and `theirs`, from main, that changes the same sidecars at
 * other passages, so that merging it into head runs qcode's merge driver on each of them. Its
 * objects are packed, as in a clone that fetched the pull request. Kept under bench/tmp/ and made
 * again only when the project or these edits change.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Annotation } from '../src/core/sidecar/annotation';
import { readSidecar } from '../src/core/sidecar/readSidecar';
import { writeSidecar } from '../src/core/sidecar/writeSidecar';
import type { ProjectOnDisk } from './generate';

const run = promisify(execFile);
/** Bump when the edits change, so that the repository is made again. */
const EDITS_VERSION = 2;

export interface ReviewRepo {
  root: string;
  /** Sidecars changed on head, and (other passages of the same ones) on theirs. */
  changedSidecars: number;
  transcripts: number;
  /** The commit head is at, so that a merge into it can be undone. */
  headCommit: string;
}

type Edit = (annotations: Annotation[]) => Annotation[];

const withConcept = (a: Annotation, concept: string): Annotation =>
  a.concepts.includes(concept) ? a : { ...a, concepts: [...a.concepts, concept] };
/** On head: one passage gains a concept, another's memo changes, a third is removed. */
const HEAD_EDIT: Edit = (list) =>
  list
    .filter((_, i) => i !== 20)
    .map((a, i) =>
      i === 0 ? withConcept(a, 'relasjon.tillit') : i === 10 ? { ...a, memo: 'Endret i gjennomgangen.' } : a,
    );
/** On theirs: other passages of the same sidecars. */
const THEIR_EDIT: Edit = (list) =>
  list.map((a, i) =>
    i === 50 ? withConcept(a, 'bolig.akutt') : i === 60 ? { ...a, memo: 'Kommentar fra medkoder.' } : a,
  );

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** Applies the edit to every other sidecar of the project's transcripts (in path order) and commits it on `branch`. */
async function editBranch(root: string, transcripts: string[], branch: string, edit: Edit): Promise<number> {
  await git(root, 'checkout', '-q', '-b', branch, 'main');
  let changed = 0;
  for (const [i, name] of transcripts.entries()) {
    if (i % 2 !== 0) continue;
    const path = join(root, 'transcripts', `${name}.annotations.yaml`);
    const text = await readFile(path, 'utf8');
    const parsed = readSidecar(path, text);
    const written = writeSidecar(path, text, name, edit(parsed.entries.map((e) => e.annotation)), parsed);
    if (!written.ok) throw new Error(`${path}: ${written.problems[0]?.message}`);
    await writeFile(path, written.text);
    changed++;
  }
  await git(root, 'commit', '-q', '-a', '-m', `${branch}: ${changed} sidecars changed`);
  return changed;
}

export async function ensureReviewRepo(tmp: string, project: ProjectOnDisk, cli: string): Promise<ReviewRepo> {
  const root = join(tmp, 'review');
  const metaPath = join(tmp, 'review.json');
  const key = { edits: EDITS_VERSION, seed: project.seed, size: project.size.name, annotations: project.annotations };
  const cached = await readFile(metaPath, 'utf8').then(
    (t) => JSON.parse(t) as { key: typeof key; repo: ReviewRepo },
    () => undefined,
  );
  if (cached && JSON.stringify(cached.key) === JSON.stringify(key)) return configured(cached.repo, cli);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(join(project.root, 'transcripts'), join(root, 'transcripts'), { recursive: true });
  for (const file of ['codebook.yaml', 'informants.yaml']) await cp(join(project.root, file), join(root, file));
  await writeFile(join(root, '.gitattributes'), '*.annotations.yaml merge=qcode\n');
  await git(root, 'init', '-q', '-b', 'main');
  await git(root, 'config', 'user.name', 'Benchmark');
  await git(root, 'config', 'user.email', 'bench@example.org');
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', 'The generated project');
  const names = (await git(root, 'ls-files', 'transcripts/*.txt'))
    .split('\n')
    .filter(Boolean)
    .map((p) => p.slice('transcripts/'.length))
    .sort();
  const changedSidecars = await editBranch(root, names, 'head', HEAD_EDIT);
  await editBranch(root, names, 'theirs', THEIR_EDIT);
  await git(root, 'checkout', '-q', 'head');
  await git(root, 'gc', '-q');
  const repo: ReviewRepo = {
    root,
    changedSidecars,
    transcripts: names.length,
    headCommit: (await git(root, 'rev-parse', 'head')).trim(),
  };
  await writeFile(metaPath, JSON.stringify({ key, repo }));
  return configured(repo, cli);
}

/** Registers the merge driver of the built command line in the repository's config, as qcode init does. */
async function configured(repo: ReviewRepo, cli: string): Promise<ReviewRepo> {
  await git(
    repo.root,
    'config',
    'merge.qcode.driver',
    `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} merge-driver %O %A %B %P`,
  );
  return repo;
}
