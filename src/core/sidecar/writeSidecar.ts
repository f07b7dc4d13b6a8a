import type { Node, Pair } from 'yaml';
import type { Problem } from '../problems';
import { ANNOTATION_KEYS, compareAnnotations, sameField, type Annotation, type AnnotationKey } from './annotation';
import { readSidecar, type ParsedSidecar, type SidecarEntry } from './readSidecar';
import { renderAnnotation, renderField, renderSidecar } from './render';
import { applySplices, lineEndAfter, lineStartOf, longestIncreasingSubsequence, type Splice } from './splice';

export type WriteResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

/**
 * The sidecar text that holds `desired`, made from `previous` by touching only the lines of the
 * annotations that differ: comments, key order and quoting elsewhere stay byte for byte.
 * A previous text that does not parse is never rewritten.
 */
export function writeSidecar(path: string, previous: string | undefined, transcriptName: string, desired: readonly Annotation[]): WriteResult {
  const sorted = [...desired].sort(compareAnnotations);
  if (previous === undefined) return { ok: true, text: renderSidecar(transcriptName, sorted) };
  const parsed = readSidecar(path, previous);
  const errors = parsed.file.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  if (!parsed.annotationsPair) return { ok: true, text: appendList(previous, sorted) };
  if (!parsed.list || parsed.list.flow || parsed.list.items.length === 0) {
    return { ok: true, text: replaceListValue(previous, parsed.annotationsPair, sorted) };
  }
  return { ok: true, text: applySplices(previous, new SidecarDiff(previous, parsed, sorted).splices()) };
}

class SidecarDiff {
  private readonly out: Splice[] = [];
  private readonly indent: number;

  constructor(private readonly text: string, private readonly parsed: ParsedSidecar, private readonly desired: Annotation[]) {
    const first = parsed.entries[0];
    this.indent = first ? leadingSpaces(text, lineStartOf(text, first.item.range?.[0] ?? 0)) : 2;
  }

  splices(): Splice[] {
    const desiredIndex = new Map(this.desired.map((a, i) => [a.id, i]));
    const kept = this.parsed.entries.filter((e) => desiredIndex.has(e.annotation.id));
    const inPlace = new Set(longestIncreasingSubsequence(kept.map((e) => desiredIndex.get(e.annotation.id) ?? 0)).map((i) => kept[i] as SidecarEntry));
    for (const entry of this.parsed.entries) {
      const wanted = this.desired[desiredIndex.get(entry.annotation.id) ?? -1];
      if (wanted && inPlace.has(entry)) this.updateEntry(entry, wanted);
      else this.out.push({ start: this.entryStart(entry), end: this.entryEnd(entry), text: '' });
    }
    this.insertMissing([...inPlace], desiredIndex);
    return this.out;
  }

  private insertMissing(anchors: SidecarEntry[], desiredIndex: Map<string, number>): void {
    const anchorIds = new Set(anchors.map((e) => e.annotation.id));
    const last = this.parsed.entries[this.parsed.entries.length - 1] as SidecarEntry;
    for (const annotation of this.desired) {
      if (anchorIds.has(annotation.id)) continue;
      const index = desiredIndex.get(annotation.id) ?? 0;
      const next = anchors.find((e) => (desiredIndex.get(e.annotation.id) ?? 0) > index);
      const at = next ? this.entryStart(next) : this.entryEnd(last);
      this.out.push({ start: at, end: at, text: onNewLine(this.text, at, renderAnnotation(annotation, this.indent)) });
    }
  }

  private updateEntry(entry: SidecarEntry, wanted: Annotation): void {
    let previousPair: Pair | undefined;
    for (const key of ANNOTATION_KEYS) {
      const pair = entry.pairs.get(key);
      if (!sameField(entry.annotation, wanted, key)) this.updateField(entry, key, pair, previousPair, wanted);
      if (pair) previousPair = pair;
    }
  }

  private updateField(entry: SidecarEntry, key: AnnotationKey, pair: Pair | undefined, previousPair: Pair | undefined, wanted: Annotation): void {
    const rendered = renderField(wanted, key);
    const value = pair?.value as Node | null | undefined;
    if (pair && value?.range && rendered !== undefined) {
      // A block list's range runs on over the line break after it; that line break must stay.
      this.out.push({ start: value.range[0], end: trimEndOffset(this.text, value.range[0], value.range[1]), text: rendered });
    } else if (pair && rendered === undefined) {
      const keyStart = (pair.key as Node).range?.[0] ?? 0;
      this.out.push({ start: lineStartOf(this.text, keyStart), end: lineEndAfter(this.text, value?.range?.[1] ?? keyStart), text: '' });
    } else if (rendered !== undefined) {
      const after = lineEndAfter(this.text, (previousPair?.value as Node | undefined)?.range?.[1] ?? entry.item.range?.[0] ?? 0);
      this.out.push({ start: after, end: after, text: onNewLine(this.text, after, `${' '.repeat(entry.column - 1)}${key}: ${rendered}\n`) });
    }
  }

  private entryStart(entry: SidecarEntry): number {
    return lineStartOf(this.text, entry.item.range?.[0] ?? 0);
  }

  private entryEnd(entry: SidecarEntry): number {
    return lineEndAfter(this.text, entry.item.range?.[1] ?? 0);
  }
}

function replaceListValue(text: string, pair: Pair, annotations: Annotation[]): string {
  const keyEnd = (pair.key as Node).range?.[1] ?? 0;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? keyEnd + 1;
  const colon = text.indexOf(':', keyEnd);
  const list = annotations.length === 0 ? ' []' : `\n${annotations.map((a) => renderAnnotation(a, 2)).join('').trimEnd()}`;
  return text.slice(0, colon + 1) + list + text.slice(Math.max(valueEnd, colon + 1));
}

function appendList(text: string, annotations: Annotation[]): string {
  const body = annotations.length === 0 ? ' []\n' : `\n${annotations.map((a) => renderAnnotation(a, 2)).join('')}`;
  return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}annotations:${body}`;
}

function leadingSpaces(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/** Lines inserted at `at`, starting a new line when the text there has none (a last line without a line break). */
function onNewLine(text: string, at: number, lines: string): string {
  return at > 0 && text[at - 1] !== '\n' ? `\n${lines}` : lines;
}

function trimEndOffset(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[ \t\r\n]/.test(text[e - 1] as string)) e--;
  return e;
}
