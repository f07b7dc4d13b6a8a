import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LiveRange } from '../src/core/anchoring/moveRanges';
import { resolveAnchor } from '../src/core/anchoring/resolve';
import type { Resolution } from '../src/core/anchoring/anchor';
import { resolveAnchors } from '../src/core/anchoring/resolveAll';
import { resolveThroughDiff } from '../src/core/anchoring/throughDiff';
import type { Annotation } from '../src/core/sidecar/annotation';
import { parseRange } from '../src/core/text/position';
import { TranscriptText } from '../src/core/text/transcriptText';
import { matchQuote } from './baseline';
import { applyRandomEdits, type AppliedEdit } from './edits';
import { collectGarbage, memory } from './memory';
import { deriveSeed, Rng } from './prng';

export interface EditedTranscript {
  name: string;
  original: string;
  edited: string;
  annotations: Annotation[];
  /** Where each annotation's passage is in the edited text (moved through the edits). */
  truth: LiveRange[];
  edits: AppliedEdit[];
  /** Per annotation, the indexes of the edits that changed text inside its passage. */
  touchedBy: number[][];
}

type Outcome = 'recovered' | 'orphaned' | 'wrong';
export interface Accuracy {
  recovered: number;
  orphaned: number;
  wrong: number;
  untouched: Record<Outcome, number>;
  touched: Record<Outcome, number>;
}

export interface Span {
  start: number;
  end: number;
}

/** Reads a generated project's transcripts and sidecars (with yaml.parse, independently of the core's reader). */
export async function readProject(root: string): Promise<{ name: string; text: string; annotations: Annotation[] }[]> {
  const folder = join(root, 'transcripts');
  const names = (await readdir(folder)).filter((n) => n.endsWith('.txt')).sort();
  const out = [];
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8');
    const sidecar = parse(await readFile(join(folder, `${name}.annotations.yaml`), 'utf8')) as {
      annotations: (Omit<Annotation, 'range'> & { range: string })[];
    };
    const annotations = sidecar.annotations.map((a) => ({ ...a, range: parseRange(a.range) }) as Annotation);
    out.push({ name, text, annotations });
  }
  return out;
}

/** Seeded edits of every transcript (5 to 20 each), with the ground truth moved through them. */
export function editAll(
  seed: number,
  transcripts: { name: string; text: string; annotations: Annotation[] }[],
): EditedTranscript[] {
  return transcripts.map(({ name, text, annotations }) => {
    const doc = new TranscriptText(text);
    if (doc.text !== text) throw new Error(`${name}: the generated text is not in matching form`);
    const truth = annotations.map((a) => {
      const start = a.range && doc.offsetAt(a.range.start);
      const end = a.range && doc.offsetAt(a.range.end);
      if (start === undefined || end === undefined || text.slice(start, end) !== a.quote)
        throw new Error(`${name}: annotation ${a.id} does not sit at its range`);
      return { start, end };
    });
    const rng = new Rng(deriveSeed(seed, 'edits', name));
    const touchedBy: number[][] = truth.map(() => []);
    const { text: edited, edits } = applyRandomEdits(rng, text, truth, rng.int(5, 20), 0.2, touchedBy);
    return { name, original: text, edited, annotations, truth, edits, touchedBy };
  });
}

function classify(truth: LiveRange, got: Span | undefined): Outcome {
  if (!got) return 'orphaned';
  if (!truth.touched) return got.start === truth.start && got.end === truth.end ? 'recovered' : 'wrong';
  return got.start < truth.end && truth.start < got.end ? 'recovered' : 'wrong';
}

export function score(transcripts: EditedTranscript[], results: (Span | undefined)[][]): Accuracy {
  const zero = (): Record<Outcome, number> => ({ recovered: 0, orphaned: 0, wrong: 0 });
  const acc: Accuracy = { recovered: 0, orphaned: 0, wrong: 0, untouched: zero(), touched: zero() };
  transcripts.forEach((t, i) => {
    t.truth.forEach((truth, k) => {
      const outcome = classify(truth, results[i]?.[k]);
      acc[outcome]++;
      (truth.touched ? acc.touched : acc.untouched)[outcome]++;
    });
  });
  return acc;
}

/** Processor time of this process so far, in ms: less disturbed by other work on a shared machine than the clock. */
export function processorMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface OursRun {
  ms: number;
  cpuMs: number;
  results: (Span | undefined)[][];
  statuses: Record<string, number>;
  raw: Resolution[][];
}

/** Ours: each transcript's annotations resolved against its edited text together, as loading a project does. */
export function runOurs(transcripts: EditedTranscript[]): OursRun {
  return timed(transcripts, (t) => resolveAnchors(new TranscriptText(t.edited), t.annotations));
}

/**
 * Ours through the differences: each transcript's annotations moved from the text they were written
 * against (the original, as git gives it to qcode check) to the edited text (resolveThroughDiff).
 */
export function runThroughDiff(transcripts: EditedTranscript[]): OursRun {
  return timed(transcripts, (t) => {
    const resolved = resolveThroughDiff(new TranscriptText(t.original), new TranscriptText(t.edited), t.annotations);
    if (!resolved) throw new Error(`${t.name}: the annotations are not exact in the original text`);
    return resolved;
  });
}

function timed(transcripts: EditedTranscript[], resolve: (t: EditedTranscript) => Resolution[]): OursRun {
  const { ms, cpuMs, value: raw } = measured(() => transcripts.map(resolve), true);
  return { ms, cpuMs, ...outcomes(raw), raw };
}

/**
 * `work` timed by the clock and in processor time, after garbage is collected. A forced collection
 * finds none of the objects a resolver made in its last run alive, and V8 then throws away the code
 * it compiled for them; with `warm`, `work` runs once more untimed first, so that the timed run
 * compares resolvers as they run on a project, not as they compile.
 */
function measured<T>(work: () => T, warm: boolean): { ms: number; cpuMs: number; value: T } {
  collectGarbage();
  if (warm) work();
  const started = performance.now();
  const startedCpu = processorMs();
  const value = work();
  const ms = performance.now() - started;
  const cpuMs = processorMs() - startedCpu;
  memory.sample();
  return { ms, cpuMs, value };
}

/** Where each annotation was found, and how many were found how. */
function outcomes(raw: Resolution[][]): Pick<OursRun, 'results' | 'statuses'> {
  const statuses: Record<string, number> = {};
  const results = raw.map((list) =>
    list.map((r) => {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      return r.status === 'orphaned' ? undefined : { start: r.start, end: r.end };
    }),
  );
  return { results, statuses };
}

/** The Hypothesis baseline over the same transcripts; the range hint becomes an offset the way ours does it. */
export function runBaseline(
  transcripts: EditedTranscript[],
  exactFirst: boolean,
  warm = true,
): { ms: number; cpuMs: number; results: (Span | undefined)[][] } {
  const match = (t: EditedTranscript) => {
    const doc = new TranscriptText(t.edited);
    return t.annotations.map((a) =>
      matchQuote(
        doc.text,
        a.quote,
        a.before ?? '',
        a.after ?? '',
        a.range ? doc.nearestOffset(a.range.start) : undefined,
        exactFirst,
      ),
    );
  };
  const { ms, cpuMs, value } = measured(() => transcripts.map(match), warm);
  return { ms, cpuMs, results: value.map((list) => list.map((m) => (m ? { start: m.start, end: m.end } : undefined))) };
}

/** Everything needed to reproduce one wrong anchor of ours. */
export function wrongCases(transcripts: EditedTranscript[], ours: OursRun, limit: number): object[] {
  const cases: object[] = [];
  transcripts.forEach((t, i) => {
    t.truth.forEach((truth, k) => {
      const got = ours.results[i]?.[k];
      if (cases.length >= limit || classify(truth, got) !== 'wrong') return;
      const a = t.annotations[k] as Annotation;
      cases.push({
        transcript: t.name,
        id: a.id,
        range: a.range,
        quote: a.quote,
        before: a.before,
        after: a.after,
        touched: truth.touched === true,
        truth: { start: truth.start, end: truth.end, text: t.edited.slice(truth.start, truth.end) },
        ours: { ...ours.raw[i]?.[k], text: got ? t.edited.slice(got.start, got.end) : undefined },
        editsInside: (t.touchedBy[k] ?? []).map((e) => t.edits[e]),
        allEdits: t.edits.length,
      });
    });
  });
  return cases;
}

/**
 * Where the time goes when each annotation is resolved alone (resolveAnchor, without its neighbours'
 * predictions), each call timed, summed per status.
 */
export function aloneByStatus(
  transcripts: EditedTranscript[],
): Record<string, { count: number; ms: number; usEach: number }> {
  const out: Record<string, { count: number; ms: number; usEach: number }> = {};
  for (const t of transcripts) {
    const doc = new TranscriptText(t.edited);
    for (const a of t.annotations) {
      const started = process.hrtime.bigint();
      const r = resolveAnchor(doc, a);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = (out[r.status] ??= { count: 0, ms: 0, usEach: 0 });
      entry.count++;
      entry.ms += ms;
    }
  }
  for (const entry of Object.values(out)) entry.usEach = (entry.ms * 1000) / entry.count;
  return out;
}
