// A colleague's work as a `git pull` brings it: 100 sidecars with one new annotation each, 20 of their transcripts
// with a new exchange near the top (which moves every passage below it) and an answer rewritten (which orphans or
// moves its passages), and what qcode should show once it has taken all of it in, worked out with the core's own
// anchoring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { AnchorStatus } from '../../src/core/anchoring/anchor';
import { resolveAnchor } from '../../src/core/anchoring/resolve';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { renderSidecar } from '../../src/core/sidecar/render';
import type { TextRange } from '../../src/core/text/position';
import { TranscriptText } from '../../src/core/text/transcriptText';

export const CHANGED_SIDECARS = 100;
export const CHANGED_TRANSCRIPTS = 20;
const NEW_CONCEPTS = ['samordning.uformell', 'bolig.akutt', 'relasjon.kontinuitet', 'zacka.omsorg'];

/** One transcript of the pull: the files written and what qcode should make of them. */
export interface PulledTranscript {
  /** Project-relative path of the transcript. */
  path: string;
  /** The transcript's text after the pull (changed or not). */
  text: string;
  /** The files the pull writes, by project-relative path. */
  writes: Map<string, string>;
  added: Annotation;
  /** How many of the sidecar's annotations are moved, fuzzy and orphaned in the new text. */
  statuses: Record<AnchorStatus, number>;
  /** Where each annotation that is not orphaned is, in the new text. */
  ranges: TextRange[];
}

/** The pull's changes to the first CHANGED_SIDECARS transcripts of the project (sorted by name). */
export function pullChanges(root: string, transcripts: readonly string[]): PulledTranscript[] {
  return transcripts.slice(0, CHANGED_SIDECARS).map((path, i) => {
    const before = readFileSync(join(root, path), 'utf8');
    const code = /-([^-]+)\.txt$/.exec(path)?.[1] ?? 'K1';
    const text = i < CHANGED_TRANSCRIPTS ? rewritten(before, code) : before;
    const sidecarPath = `${path}.annotations.yaml`;
    const sidecar = readSidecar(sidecarPath, readFileSync(join(root, sidecarPath), 'utf8'));
    const doc = new TranscriptText(text);
    const added = newAnnotation(doc, code, i);
    const annotations = [...sidecar.entries.map((e) => e.annotation), added].sort(byRange);
    const writes = new Map([[sidecarPath, renderSidecar(path.split('/').pop() ?? path, annotations, sidecar.memo)]]);
    if (text !== before) writes.set(path, text);
    const statuses: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    const ranges: TextRange[] = [];
    for (const annotation of annotations) {
      const resolution = resolveAnchor(doc, annotation);
      statuses[resolution.status]++;
      if (resolution.status !== 'orphaned') ranges.push(resolution.range);
    }
    return { path, text, writes, added, statuses, ranges };
  });
}

/** The transcript with a new exchange before its first question and its fifth answer rewritten. */
function rewritten(text: string, code: string): string {
  const lines = text.split('\n');
  const firstQuestion = lines.findIndex((line) => line.startsWith('I: '));
  const answers = lines.flatMap((line, i) => (line.startsWith(`${code}: `) ? [i] : []));
  const fifth = answers[4];
  if (fifth !== undefined)
    lines[fifth] = `${code}: Dette svaret er skrevet om etter at vi hørte gjennom opptaket på nytt i høst.`;
  lines.splice(
    Math.max(0, firstQuestion),
    0,
    'I: Hva var det viktigste som skjedde i år?',
    '',
    `${code}: Det viktigste var at jeg fikk én fast koordinator som fulgte meg gjennom hele høsten og vinteren.`,
    '',
  );
  return lines.join('\n');
}

/** A passage of the informant's first answer, tagged by the colleague. */
function newAnnotation(doc: TranscriptText, code: string, n: number): Annotation {
  const start = doc.text.indexOf(`\n${code}: `) + code.length + 3;
  const end = doc.text.indexOf(' ', start + 40);
  return {
    id: `p${String(n).padStart(7, '0')}`,
    concepts: [NEW_CONCEPTS[n % NEW_CONCEPTS.length] as string],
    informant: code,
    ...captureAnchor(doc, start, end),
    coder: 'kollega',
    created: '2026-12-01T10:00:00Z',
  };
}

function byRange(a: Annotation, b: Annotation): number {
  const [x, y] = [a.range?.start, b.range?.start];
  return (x?.line ?? 0) - (y?.line ?? 0) || (x?.column ?? 0) - (y?.column ?? 0);
}
