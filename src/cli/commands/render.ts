import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { chapterBlocks } from '../../core/chapters/chapterBlocks';
import { ChapterIndex } from '../../core/chapters/chapterIndex';
import { renderChapter, type RenderedChapter } from '../../core/chapters/renderChapter';
import { blocksToDocx } from '../../core/export/docx';
import { compareProblems, hasErrors, type Problem } from '../../core/problems';
import { loadProject } from '../../core/project/loadProject';
import { readTextFile } from '../../core/project/readText';
import type { Settings } from '../../core/settings/settings';
import { encodeUtf8 } from '../../core/text/decode';
import { choice, parse } from '../args';
import { chapterHtml } from '../chapterHtml';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { problemsAsText } from '../problemFormats';
import { projectOf } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { writeBinary } from './exportRefi';

const FORMATS = ['md', 'docx', 'html'] as const;
type ChapterFormat = (typeof FORMATS)[number];

interface Chapter {
  given: string;
  text: string;
  rendered: RenderedChapter;
}

/**
 * Writes each chapter with every reference replaced by the current quote and citation. When a
 * reference cannot be rendered, nothing at all is written: exit 1 with each problem at its place.
 */
export async function render(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    { format: { type: 'string' }, out: { type: 'string' } },
    Number.MAX_SAFE_INTEGER,
  );
  const format = choice(values.format, FORMATS, 'md', 'format');
  if (positionals.length === 0)
    throw new UsageError('Name the chapter to render, e.g. "qcode render chapters/kapittel-5.md".');
  const out = typeof values.out === 'string' ? values.out : undefined;
  const { chapters, settings } = await renderAll(positionals);
  const problems = chapters.flatMap((c) => c.rendered.problems).sort(compareProblems);
  io.err(problemsAsText(problems));
  if (hasErrors(problems)) {
    io.err(
      `Nothing was written: ${problems.filter((p) => p.severity === 'error').length} error(s) above; fix them and render again.\n`,
    );
    return EXIT_PROBLEMS;
  }
  const targets = outputTargets(
    chapters.map((c) => c.given),
    format,
    out,
  );
  const contents = await Promise.all(chapters.map((c) => contentOf(c, format, settings)));
  if (targets === undefined) {
    io.out(contents.join('\n'));
    return EXIT_OK;
  }
  for (const [i, target] of targets.entries()) {
    mkdirSync(dirname(resolve(target)), { recursive: true });
    await writeBinary(resolve(target), bytesOf(contents[i] ?? ''));
  }
  io.err(`Wrote ${targets.join(', ')}.\n`);
  return EXIT_OK;
}

async function renderAll(given: readonly string[]): Promise<{ chapters: Chapter[]; settings: Settings }> {
  const places = given.map((file) => ({ given: file, ...projectOf(file) }));
  const root = places[0]?.root as string;
  const stray = places.find((p) => p.root !== root);
  if (stray)
    throw new UsageError(
      `${stray.given} is in another project than ${places[0]?.given}; render the chapters of one project at a time.`,
    );
  const files = new NodeProjectFiles(root);
  const index = ChapterIndex.of(await loadProject(files));
  const chapters: Chapter[] = [];
  for (const place of places) {
    const problems: Problem[] = [];
    const read = await readTextFile(files, place.path, problems, true);
    const text = typeof read === 'object' ? read.text : '';
    const rendered = renderChapter(place.path, text, index);
    rendered.problems.unshift(...problems);
    for (const p of rendered.problems) if (p.file === place.path) p.file = place.given;
    chapters.push({ given: place.given, text, rendered });
  }
  return { chapters, settings: index.project.settings };
}

async function contentOf(chapter: Chapter, format: ChapterFormat, settings: Settings): Promise<string | Uint8Array> {
  const { rendered } = chapter;
  if (format === 'md') return rendered.text;
  if (format === 'html')
    return chapterHtml(rendered.text, basename(chapter.given, extname(chapter.given)), settings.language);
  return blocksToDocx(chapterBlocks(chapter.text, rendered.citations, settings), settings.language);
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? encodeUtf8(content) : content;
}

/** Where each chapter goes: undefined for the terminal (md and html); a folder takes one file per chapter. */
function outputTargets(given: readonly string[], format: ChapterFormat, out: string | undefined): string[] | undefined {
  const named = (folder: string) => given.map((file) => join(folder, `${basename(file, extname(file))}.${format}`));
  if (out === undefined) return format === 'docx' ? named('.') : undefined;
  const isFolder = out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory());
  if (isFolder) return named(out);
  if (given.length > 1)
    throw new UsageError(
      `--out ${out} is a file, and ${given.length} chapters were given; give a folder to write one file per chapter.`,
    );
  return [out];
}
