import { turnAt, type SpeakerTurn } from '../speakers/turns';
import { sentenceBounds } from './sentences';
import { trimmed, wholeWords, type Span } from './words';

/** What a hit tags: the match widened to whole words, the sentence it is in, or the speaker turn it is in. */
export type SearchUnit = 'match' | 'sentence' | 'turn';

export const SEARCH_UNITS: readonly SearchUnit[] = ['match', 'sentence', 'turn'];

/** A note in brackets alone in the last paragraph of a turn, such as the time stamp of the next turn. */
const TRAILING_NOTE = /\n[ \t]*\n\s*\[[^\]\n]*\]$/;

/**
 * A transcript's text as passages are found in it: its turns, its speaker label pattern (flags g
 * and m, group 1 the speaker) and, worked out once, its paragraphs and the text of its turns.
 */
export class UnitText {
  private readonly contents = new Map<SpeakerTurn, Span>();
  private paragraphBreaks: Span[] | undefined;
  private readonly stickyLabel: RegExp;

  constructor(
    readonly text: string,
    readonly turns: readonly SpeakerTurn[],
    label: RegExp,
  ) {
    this.stickyLabel = new RegExp(label.source, `${label.flags.replace(/[gy]/g, '')}y`);
  }

  /** Where the text of a turn (or line) begins: after the speaker label that starts it, if one does. */
  afterLabel(lineStart: number): number {
    this.stickyLabel.lastIndex = lineStart;
    const match = this.stickyLabel.exec(this.text);
    return match ? lineStart + match[0].length : lineStart;
  }

  /** The text of a turn after its label, without white space around it or notes in brackets after it. */
  turnContent(turn: SpeakerTurn): Span {
    let content = this.contents.get(turn);
    if (!content) {
      content = trimmed(this.text, { start: this.afterLabel(turn.start), end: turn.end });
      for (let note = this.noteAtEnd(content); note !== undefined; note = this.noteAtEnd(content))
        content = trimmed(this.text, { start: content.start, end: note });
      this.contents.set(turn, content);
    }
    return content;
  }

  /** The lines around the offset up to the nearest blank lines, inside `within`, without white space at the ends. */
  paragraphAround(offset: number, within: Span = { start: 0, end: this.text.length }): Span {
    const breaks = (this.paragraphBreaks ??= [...this.text.matchAll(/\n(?:[^\S\n]*\n)+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    })));
    let after = 0;
    for (let high = breaks.length; after < high;) {
      const mid = (after + high) >> 1;
      if ((breaks[mid] as Span).start < offset) after = mid + 1;
      else high = mid;
    }
    const previous =
      breaks[after - 1] && (breaks[after - 1] as Span).end <= offset ? breaks[after - 1] : breaks[after - 2];
    const start = Math.max(previous?.end ?? 0, within.start);
    const end = Math.min(breaks[after]?.start ?? this.text.length, within.end);
    return trimmed(this.text, { start, end: Math.max(start, end) });
  }

  private noteAtEnd(content: Span): number | undefined {
    const tail = this.text.lastIndexOf('\n', content.end - 1);
    if (tail <= content.start) return undefined;
    const found = TRAILING_NOTE.exec(
      this.text.slice(Math.max(content.start, this.text.lastIndexOf('\n', tail - 1)), content.end),
    );
    return found ? content.end - found[0].length : undefined;
  }
}

/** The passage of the unit around a match, or undefined when the match is only white space. */
export function passageOf(source: UnitText, unit: SearchUnit, match: Span): Span | undefined {
  const words = wholeWords(source.text, trimmed(source.text, match));
  if (words.start >= words.end) return undefined;
  if (unit === 'match') return words;
  const bounds = unit === 'turn' ? turnBounds(source, words) : sentencesOf(source, words);
  return trimmed(source.text, { start: Math.min(bounds.start, words.start), end: Math.max(bounds.end, words.end) });
}

/** The text of the turns from the one the span starts in to the one it ends in (a paragraph where there is no turn). */
export function turnBounds(source: UnitText, span: Span): Span {
  return {
    start: contentAround(source, span.start).start,
    end: contentAround(source, Math.max(span.start, span.end - 1)).end,
  };
}

function sentencesOf(source: UnitText, span: Span): Span {
  const first = source.paragraphAround(span.start, contentAround(source, span.start));
  const last = source.paragraphAround(Math.max(span.start, span.end - 1), contentAround(source, span.end - 1));
  return sentenceBounds(source.text, span, { start: first.start, end: last.end });
}

/** The turn text the offset lies in, or the paragraph when it lies in no turn's text (or in a note after it). */
function contentAround(source: UnitText, offset: number): Span {
  const turn = turnAt(source.turns, offset);
  const content = turn && source.turnContent(turn);
  return content && offset < content.end ? content : source.paragraphAround(offset);
}
