import type { Node } from 'yaml';
import { message } from '../messages';
import { problem, type Problem } from '../problems';
import { compareAnnotations, sameAnnotation, type Annotation } from './annotation';
import { listCandidates, type Candidate } from './listValue';
import { contentOf, readCleanSidecar, type SidecarContent } from './cleanSidecar';
import { readSidecar, type ParsedSidecar } from './readSidecar';
import { lineBreakOf, renderSidecar } from './render';
import { spliceEntries } from './spliceEntries';

export type WriteResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

/**
 * The sidecar text that holds `desired`, made from `previous` by touching only the lines of the
 * annotations that differ: comments, key order and quoting elsewhere stay byte for byte. Every
 * text is read back before it is returned: when it does not hold exactly `desired` (a layout the
 * splices do not handle), a safer form is tried, and when none does, nothing is written and the
 * problem says so. A previous text that does not parse is never rewritten. `previousParsed`, when
 * given, is `previous` as readSidecar read it, so that a caller that has read it need not again.
 */
export function writeSidecar(
  path: string,
  previous: string | undefined,
  transcriptName: string,
  desired: readonly Annotation[],
  previousParsed?: ParsedSidecar,
): WriteResult {
  const sorted = [...desired].sort(compareAnnotations);
  if (previous === undefined)
    return (
      firstThatHolds(path, [() => renderSidecar(transcriptName, sorted)], { transcript: transcriptName }, sorted) ??
      refusal(path, undefined, transcriptName, sorted)
    );
  const parsed = previousParsed ?? readSidecar(path, previous);
  const errors = parsed.file.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  if (holdsExactly(contentOf(parsed), parsed, sorted)) return { ok: true, text: previous };
  return (
    firstThatHolds(path, candidates(previous, parsed, sorted), parsed, sorted) ??
    refusal(path, parsed, transcriptName, sorted)
  );
}

/** What a sidecar holds besides its annotations, which writing them must leave as it is. */
export interface SidecarHeader {
  transcript?: string;
  memo?: string;
}

/** The ways to write, the one that keeps most of the file first. */
function candidates(text: string, parsed: ParsedSidecar, desired: Annotation[]): Candidate[] {
  const lineBreak = lineBreakOf(text);
  const spliced: Candidate[] =
    parsed.list && !parsed.list.flow && parsed.list.items.length > 0
      ? [() => spliceEntries(text, parsed, desired, lineBreak)]
      : [];
  return [...spliced, ...listCandidates(text, parsed, desired, lineBreak)];
}

export function firstThatHolds(
  path: string,
  ways: Candidate[],
  header: SidecarHeader,
  desired: readonly Annotation[],
): WriteResult | undefined {
  for (const way of ways) {
    const text = way();
    if (text !== undefined && readsBackAs(path, text, header, desired)) return { ok: true, text };
  }
  return undefined;
}

/**
 * Whether the text reads back as exactly these annotations: read straight into annotations when readSidecar would find
 * no problem in it (readCleanSidecar, which property tests hold to readSidecar), else by readSidecar.
 */
function readsBackAs(path: string, text: string, header: SidecarHeader, desired: readonly Annotation[]): boolean {
  const clean = readCleanSidecar(text);
  return holdsExactly(clean ?? contentOf(readSidecar(path, text)), header, desired);
}

/**
 * Whether a sidecar reads without errors as exactly these annotations, in this order, for this transcript and with this
 * memo.
 */
function holdsExactly(read: SidecarContent, header: SidecarHeader, desired: readonly Annotation[]): boolean {
  if (
    read.problems.some((p) => p.severity === 'error') ||
    read.transcript !== header.transcript ||
    read.memo !== header.memo
  )
    return false;
  return (
    read.entries.length === desired.length &&
    read.entries.every((entry, i) => sameAnnotation(entry.annotation, desired[i] as Annotation))
  );
}

function refusal(
  path: string,
  parsed: ParsedSidecar | undefined,
  transcriptName: string,
  desired: Annotation[],
): WriteResult {
  const duplicate = desired.find(
    (a, i) =>
      i > 0 && (desired[i - 1] as Annotation).id === a.id && compareAnnotations(desired[i - 1] as Annotation, a) === 0,
  );
  const unwritable =
    duplicate ??
    desired.find(
      (a) =>
        firstThatHolds(path, [() => renderSidecar(transcriptName, [a])], { transcript: transcriptName }, [a]) ===
        undefined,
    );
  const key = parsed?.annotationsPair?.key as Node | undefined;
  const { line, column } = parsed && key?.range ? parsed.file.positionOf(key.range[0]) : { line: 1, column: 1 };
  const why = unwritable
    ? message(
        'The annotation "{id}" cannot be written so that it reads back the same (an empty quote or concept, or a duplicate id?). The file was left as it is; correct the annotation and try again.',
        { id: unwritable.id },
      )
    : message(
        'qcode could not write the annotations into this sidecar in a form that reads back the same, so the file was left as it is. Write its annotations in block style ("- id: ..." items under "annotations:", as qcode writes them) and try again.',
      );
  return { ok: false, problems: [problem(path, line, column, 'error', 'unwritable-sidecar', why)] };
}
