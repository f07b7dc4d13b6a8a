import { NodeProjectFiles } from '../src/node/nodeFiles';
import { ChapterIndex } from '../src/core/chapters/chapterIndex';
import { renderChapter } from '../src/core/chapters/renderChapter';
import { loadProject } from '../src/core/project/loadProject';
import type { Project } from '../src/core/project/model';
import { PassageChoices } from '../src/extension/features/chapters/passageChoices';
import { collectGarbage } from './memory';
import { Rng } from './prng';
import { sentence } from './vocabulary';

export interface ChaptersResult {
  annotations: number;
  pages: number;
  references: number;
  /** Indexing the loaded project by id and rendering the chapter; best of the runs. */
  renderMs: number;
  renderMsRuns: number[];
  renderedBytes: number;
  /**
   * Completion after "{{q:": the newest passages, then those with two words typed, once what it
   * searches is made (the editor makes it when the project loads); best of the runs.
   */
  completionMs: number;
  completionMsRuns: number[];
  completionItems: number;
  /** Making what completion searches, once per load of the project: best of the runs. */
  completionPrepareMs: number;
}

const PAGES = 20;
const WORDS_PER_PAGE = 450;
const REFERENCES = 200;
/** Of the references, how many list a concept's passages of one informant. */
const CONCEPT_REFERENCES = 10;
const RUNS = 5;
/** Two words typed after "{{q:": part of a word of the transcripts and an informant's code. */
const QUERY = 'samarbeid k1';

/** A 20-page chapter citing 200 passages of the project (a few as concept lists), rendered and completed against it. */
export async function measureChapters(root: string, seed: number): Promise<ChaptersResult> {
  const project = await loadProject(new NodeProjectFiles(root));
  const chapter = benchChapter(project, new Rng(seed));
  const renderMsRuns: number[] = [];
  const completionMsRuns: number[] = [];
  let renderedBytes = 0;
  let completionItems = 0;
  let completionPrepareMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    collectGarbage();
    const t0 = performance.now();
    const rendered = renderChapter('chapters/bench.md', chapter, ChapterIndex.of(project));
    renderMsRuns.push(performance.now() - t0);
    if (rendered.problems.some((p) => p.severity === 'error'))
      throw new Error(`the bench chapter has errors: ${rendered.problems[0]?.message}`);
    renderedBytes = Buffer.byteLength(rendered.text);
    const index = ChapterIndex.of(project);
    const t1 = performance.now();
    const choices = new PassageChoices(index);
    choices.prepare();
    const t2 = performance.now();
    completionItems = choices.matching('', 200).shown.length;
    choices.matching(QUERY, 200);
    completionMsRuns.push(performance.now() - t2);
    completionPrepareMs = Math.min(completionPrepareMs, t2 - t1);
  }
  return {
    annotations: ChapterIndex.of(project).quotes.all.length,
    pages: PAGES,
    references: REFERENCES,
    renderMs: Math.min(...renderMsRuns),
    renderMsRuns,
    renderedBytes,
    completionMs: Math.min(...completionMsRuns),
    completionMsRuns,
    completionItems,
    completionPrepareMs,
  };
}

/** Paragraphs of prose with references spread through them: inline, alone on a line, and concept lists. */
function benchChapter(project: Project, rng: Rng): string {
  const cited = project.transcripts.flatMap((t) => t.annotations).filter((r) => r.resolution.status !== 'orphaned');
  const leaves = [...project.codebook.all()].filter((c) => c.children.length === 0);
  const informants = [...new Set(cited.map((r) => r.informant).filter((code): code is string => !!code))];
  const references: string[] = [];
  for (let i = 0; i < REFERENCES - CONCEPT_REFERENCES; i++) {
    const id = cited[rng.int(0, cited.length - 1)]?.annotation.id;
    references.push(i % 3 === 0 ? `\n\n{{q:${id}}}\n\n` : ` {{q:${id}}} `);
  }
  for (let i = 0; i < CONCEPT_REFERENCES; i++) {
    references.splice(
      rng.int(0, references.length),
      0,
      `\n\n{{concept:${leaves[i % leaves.length]?.id} informant=${informants[i % informants.length]}}}\n\n`,
    );
  }
  const words = PAGES * WORDS_PER_PAGE;
  const sentences: string[] = [];
  for (let count = 0; count < words; count += 15) sentences.push(sentence(rng, 10, 20));
  const every = Math.floor(sentences.length / references.length);
  const parts = ['# Kapittel\n\n'];
  let next = 0;
  for (const [i, text] of sentences.entries())
    parts.push(text, (i + 1) % every === 0 && next < references.length ? (references[next++] as string) : ' ');
  return `${parts.join('')}\n`;
}
