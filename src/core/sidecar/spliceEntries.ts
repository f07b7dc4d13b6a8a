import type { Node, Pair } from 'yaml';
import { ANNOTATION_KEYS, sameAnnotation, sameField, type Annotation, type AnnotationKey } from './annotation';
import type { ParsedSidecar, SidecarEntry } from './readSidecar';
import { renderAnnotation, renderField, withLineBreak } from './render';
import {
  applySplices,
  dashBefore,
  heaviestIncreasingSubsequence,
  lineEndAfter,
  lineStartOf,
  trimEndOffset,
  type Splice,
} from './splice';

/** An entry of a block list with the lines it takes up. */
interface Placed {
  entry: SidecarEntry;
  /** Start of the line of its "-". */
  start: number;
  /** Just after the line break of its last line. */
  end: number;
  /** Column (0-based) of its "-". */
  dash: number;
}

/**
 * The text of a sidecar whose annotations are a non-empty block list, changed to hold `desired`
 * by touching only the lines of annotations that differ. An entry that cannot take a field-level
 * change (a flow mapping, a first key to remove) is rendered anew, whole. Undefined when an entry's
 * "-" cannot be found.
 */
export function spliceEntries(
  text: string,
  parsed: ParsedSidecar,
  desired: readonly Annotation[],
  lineBreak: string,
): string | undefined {
  const placed: Placed[] = [];
  for (const entry of parsed.entries) {
    const dashAt = dashBefore(text, entry.item.range?.[0] ?? 0);
    if (dashAt === undefined) return undefined;
    const start = lineStartOf(text, dashAt);
    placed.push({ entry, start, end: lineEndAfter(text, entry.item.range?.[1] ?? dashAt), dash: dashAt - start });
  }
  return applySplices(text, new EntryDiff(text, placed, desired, lineBreak).splices());
}

class EntryDiff {
  private readonly out: Splice[] = [];
  private readonly desiredIndex: Map<string, number>;

  constructor(
    private readonly text: string,
    private readonly placed: Placed[],
    private readonly desired: readonly Annotation[],
    private readonly lineBreak: string,
  ) {
    this.desiredIndex = new Map(desired.map((a, i) => [a.id, i]));
  }

  splices(): Splice[] {
    const inPlace = this.inPlace();
    for (const at of this.placed) {
      const wanted = this.wanted(at);
      if (wanted && inPlace.has(at)) this.update(at, wanted);
      else this.out.push({ start: at.start, end: at.end, text: '' });
    }
    this.insertMissing([...inPlace]);
    return this.out;
  }

  /**
   * The entries that stay where they are: a heaviest run in the desired order, unchanged ones weighing most, so they
   * keep their lines.
   */
  private inPlace(): Set<Placed> {
    const kept = this.placed.filter((at) => this.wanted(at));
    const weights = kept.map((at) =>
      sameAnnotation(at.entry.annotation, this.wanted(at) as Annotation) ? kept.length + 1 : 1,
    );
    const order = kept.map((at) => this.desiredIndex.get(at.entry.annotation.id) as number);
    return new Set(heaviestIncreasingSubsequence(order, weights).map((i) => kept[i] as Placed));
  }

  private wanted(at: Placed): Annotation | undefined {
    return this.desired[this.desiredIndex.get(at.entry.annotation.id) ?? -1];
  }

  private insertMissing(anchors: Placed[]): void {
    const anchorIds = new Set(anchors.map((at) => at.entry.annotation.id));
    const last = this.placed[this.placed.length - 1] as Placed;
    const dash = (this.placed[0] as Placed).dash;
    this.desired.forEach((annotation, index) => {
      if (anchorIds.has(annotation.id)) return;
      const next = anchors.find((at) => (this.desiredIndex.get(at.entry.annotation.id) as number) > index);
      const offset = next ? next.start : last.end;
      this.out.push({ start: offset, end: offset, text: this.onNewLine(offset, renderAnnotation(annotation, dash)) });
    });
  }

  private update(at: Placed, wanted: Annotation): void {
    if (sameAnnotation(at.entry.annotation, wanted)) return;
    const fields = at.entry.item.flow ? undefined : this.fieldSplices(at.entry, wanted);
    if (fields) this.out.push(...fields);
    else
      this.out.push({
        start: at.start,
        end: at.end,
        text: withLineBreak(renderAnnotation(wanted, at.dash), this.lineBreak),
      });
  }

  /**
   * Splices that change only the differing fields of a block mapping, or undefined when one of them cannot be made so.
   */
  private fieldSplices(entry: SidecarEntry, wanted: Annotation): Splice[] | undefined {
    const splices: Splice[] = [];
    let previousPair: Pair | undefined;
    for (const key of ANNOTATION_KEYS) {
      const pair = entry.pairs.get(key);
      if (!sameField(entry.annotation, wanted, key)) {
        const splice = this.fieldSplice(entry, key, pair, previousPair, wanted);
        if (!splice) return undefined;
        splices.push(splice);
      }
      if (pair) previousPair = pair;
    }
    return splices;
  }

  private fieldSplice(
    entry: SidecarEntry,
    key: AnnotationKey,
    pair: Pair | undefined,
    previousPair: Pair | undefined,
    wanted: Annotation,
  ): Splice | undefined {
    const rendered = renderField(wanted, key);
    const value = pair?.value as Node | null | undefined;
    if (pair) {
      if (!value?.range) return undefined;
      // A block value's range runs on over the line break after it; that line break must stay.
      if (rendered !== undefined)
        return { start: value.range[0], end: trimEndOffset(this.text, value.range[0], value.range[1]), text: rendered };
      const keyStart = (pair.key as Node).range?.[0] ?? 0;
      const lineStart = lineStartOf(this.text, keyStart);
      // The first key shares its line with the "-": removing that line would remove the item.
      if (entry.item.items[0] === pair || this.text.slice(lineStart, keyStart).trim() !== '') return undefined;
      return { start: lineStart, end: lineEndAfter(this.text, value.range[1]), text: '' };
    }
    if (rendered === undefined) return undefined;
    const after = (previousPair?.value as Node | null | undefined)?.range?.[1];
    const firstKey = (entry.item.items[0]?.key as Node | undefined)?.range?.[0];
    if (after === undefined || firstKey === undefined) return undefined;
    const offset = lineEndAfter(this.text, after);
    const pad = ' '.repeat(firstKey - lineStartOf(this.text, firstKey));
    return { start: offset, end: offset, text: this.onNewLine(offset, `${pad}${key}: ${rendered}\n`) };
  }

  /**
   * Lines to insert at `offset`, in the file's line break, starting a new line when the text there has none (a last
   * line without a line break).
   */
  private onNewLine(offset: number, lines: string): string {
    const text = offset > 0 && this.text[offset - 1] !== '\n' ? `\n${lines}` : lines;
    return withLineBreak(text, this.lineBreak);
  }
}
