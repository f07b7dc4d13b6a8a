import { parseClock } from './clock';
import { oneLine } from './cueText';
import { confirmLabels, dashLabel, leadingLabel, trustedLabels } from './labels';
import type { Utterance } from './model';

/** A paragraph of a Word document or a line of a text export, before speakers are recognised. */
export interface SourceParagraph {
  text: string;
  line: number;
  /** The bold text the paragraph starts with (a speaker's name, in many Word transcripts). */
  bold?: string;
  /** Whether the whole paragraph is bold. */
  allBold?: boolean;
  /** A table row's cells (time, speaker, text in some order). */
  cells?: string[];
  /** Whether it goes straight on from the line before (no blank line between, in a text file). */
  follows?: boolean;
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const NAME = String.raw`\p{Lu}[\p{L}\p{N} .'’_-]{0,48}?`;
/** WhisperX's text output: `[0:00:06.835 - 0:00:07.235] SPEAKER_00 - text`. */
const WHISPERX = new RegExp(String.raw`^\[(${TIME})\s*-\s*${TIME}\]\s*(?:(SPEAKER_\d+|${NAME})\s+-\s+)?(.*)$`, 'u');
/** Rev: `Speaker 1 (00:03):` with the text on that line or the next. */
const REV = new RegExp(String.raw`^(${NAME})\s+\((${TIME})\):\s*(.*)$`, 'u');
/** Otter: `Kari Nordmann  0:22` alone on a line, the text below. */
const OTTER = new RegExp(String.raw`^(${NAME})\s+(${TIME})$`, 'u');
/** Zoom's saved captions: `[Kari Nordmann] 12:01:33`, the text below. */
const ZOOM_CAPTIONS = new RegExp(String.raw`^\[(.{1,60}?)\]\s+(${TIME})$`, 'u');
/** Word's Transcribe: `00:00:03 Speaker 1` heading, the text below. */
const WORD_TRANSCRIBE = new RegExp(String.raw`^(${TIME})\s+(${NAME})$`, 'u');
/** f4 and MAXQDA time marks: `#00:01:01-9#`. */
const TIME_MARK = /\s*#(\d{1,2}:\d{2}:\d{2}(?:-\d)?)#\s*/g;
const MAX_NAME_WORDS = 5;

interface Header {
  speaker?: string;
  seconds?: number;
  rest?: string;
}

/** The speakers' turns of a Word document or text export, whichever tool's conventions it follows. */
export function paragraphUtterances(paragraphs: readonly SourceParagraph[]): {
  style: string;
  utterances: Utterance[];
} {
  const styles = new Set<string>();
  const utterances: Utterance[] = [];
  const namesInBold = trustedNameParagraphs(paragraphs);
  // Lines that go straight on from the line before: their speaker is that line's, once labels are confirmed.
  const following = new Set<number>();
  let speaker: string | undefined;
  let pendingTime: number | undefined;
  for (const paragraph of paragraphs) {
    const text = oneLine(paragraph.text);
    if (text === '' && !paragraph.cells) continue;
    const header = paragraph.cells
      ? tableRow(paragraph.cells, styles)
      : (headerOf(text, styles) ?? nameParagraph(paragraph, text, namesInBold, styles));
    if (header) {
      speaker = paragraph.cells ? undefined : header.speaker;
      if (header.rest !== undefined && header.rest !== '')
        utterances.push(utterance(header.rest, paragraph.line, header.speaker, header.seconds));
      else if (header.seconds !== undefined) pendingTime = header.seconds;
      continue;
    }
    const labelled = labelOf(paragraph, text, styles);
    const previous = utterances[utterances.length - 1];
    if (labelled) {
      speaker = undefined;
      if (paragraph.follows && previous) following.add(utterances.length);
      utterances.push(labelled);
    } else if (speaker !== undefined) utterances.push(utterance(text, paragraph.line, speaker));
    else if (paragraph.follows && previous) {
      following.add(utterances.length);
      utterances.push({ ...utterance(text, paragraph.line), continues: true });
    } else utterances.push(utterance(text, paragraph.line));
  }
  const confirmed = withSpeakersGoingOn(confirmLabels(utterances), following);
  const speakers = confirmed.some((u) => u.speaker !== undefined);
  if (!speakers) styles.delete('bold speaker names');
  if (speakers && styles.size === 0) styles.add('speaker labels');
  return { style: styles.size > 0 ? [...styles].join(', ') : 'no speakers', utterances: confirmed };

  function utterance(words: string, line: number, who?: string, seconds?: number): Utterance {
    const time = seconds ?? pendingTime;
    pendingTime = undefined;
    return {
      text: words,
      line,
      ...(who !== undefined ? { speaker: who } : {}),
      ...(time !== undefined ? { seconds: time } : {}),
    };
  }
}

/**
 * Each line that goes straight on from the one before, without a speaker's label of its own (or
 * with one that named no speaker), goes on with that line and its speaker as confirmed.
 */
function withSpeakersGoingOn(utterances: Utterance[], following: ReadonlySet<number>): Utterance[] {
  utterances.forEach((utterance, i) => {
    if (!following.has(i) || utterance.speaker !== undefined) return;
    const speaker = utterances[i - 1]?.speaker;
    if (speaker !== undefined) utterance.speaker = speaker;
    utterance.continues = true;
  });
  return utterances;
}

/** A line that names the speaker (and time) of the text after it, or gives a time-stamped line of one. */
function headerOf(text: string, styles: Set<string>): Header | undefined {
  const whisperx = WHISPERX.exec(text);
  if (whisperx)
    return found(styles, 'WhisperX lines', {
      seconds: parseClock(whisperx[1] as string),
      rest: whisperx[3] ?? '',
      ...(whisperx[2] ? { speaker: whisperx[2] } : {}),
    });
  const rev = REV.exec(text);
  if (rev)
    return found(styles, 'Rev', {
      speaker: rev[1] as string,
      seconds: parseClock(rev[2] as string),
      rest: rev[3] ?? '',
    });
  const zoom = ZOOM_CAPTIONS.exec(text);
  if (zoom)
    return found(styles, 'Zoom saved captions', { speaker: zoom[1] as string, seconds: parseClock(zoom[2] as string) });
  const otter = OTTER.exec(text);
  if (otter && shortName(otter[1] as string))
    return found(styles, 'Otter', { speaker: (otter[1] as string).trim(), seconds: parseClock(otter[2] as string) });
  const transcribe = WORD_TRANSCRIBE.exec(text);
  if (transcribe && shortName(transcribe[2] as string))
    return found(styles, 'Word Transcribe', {
      speaker: (transcribe[2] as string).trim(),
      seconds: parseClock(transcribe[1] as string),
    });
  return undefined;
}

/** The name a short paragraph all in bold may be (Otter's name above the text), or undefined. */
function boldName(paragraph: SourceParagraph, text: string): string | undefined {
  return paragraph.allBold && shortName(text) && !/[.?!,;]$/.test(text) ? text.replace(/:$/, '') : undefined;
}

/**
 * Bold names above the text that name speakers, as trustedLabels trusts labels: used at least
 * twice, or names of two or more speakers. Only a name with text below it counts: a bold title
 * above the first name, or one used once, stays a paragraph.
 */
function trustedNameParagraphs(paragraphs: readonly SourceParagraph[]): Set<string> {
  const kinds = paragraphs
    .filter((p) => p.cells || oneLine(p.text) !== '')
    .map((paragraph) => {
      const text = oneLine(paragraph.text);
      if (paragraph.cells || headerOf(text, new Set())) return { text: false };
      const name = boldName(paragraph, text);
      return name === undefined ? { text: true } : { text: false, name };
    });
  return trustedLabels(kinds.map((kind, i) => (kinds[i + 1]?.text ? kind.name : undefined)));
}

function nameParagraph(
  paragraph: SourceParagraph,
  text: string,
  trusted: ReadonlySet<string>,
  styles: Set<string>,
): Header | undefined {
  const name = boldName(paragraph, text);
  return name !== undefined && trusted.has(name)
    ? found(styles, 'speaker name paragraphs', { speaker: name })
    : undefined;
}

function found(styles: Set<string>, style: string, header: Header): Header {
  styles.add(style);
  return header;
}

function shortName(name: string): boolean {
  return name.trim().split(/\s+/).length <= MAX_NAME_WORDS;
}

/** A paragraph that starts with its speaker: a bold name, `Name:`, `I –`; f4 time marks taken out. */
function labelOf(paragraph: SourceParagraph, text: string, styles: Set<string>): Utterance | undefined {
  const marks = [...text.matchAll(TIME_MARK)];
  const clean = marks.length > 0 ? oneLine(text.replace(TIME_MARK, ' ')) : text;
  const seconds = marks.length > 0 ? parseClock(marks[0]?.[1] as string) : undefined;
  if (marks.length > 0) styles.add('f4/MAXQDA time marks');
  const time = seconds !== undefined ? { seconds } : {};
  const bold = paragraph.bold && oneLine(paragraph.bold).replace(/:$/, '');
  const afterBold = bold ? clean.slice(oneLine(paragraph.bold as string).length).replace(/^\s*:?\s*/, '') : '';
  // A paragraph all in bold has no text after a name: a title, not a speaker's turn.
  if (bold && shortName(bold) && clean.startsWith(oneLine(paragraph.bold as string)) && afterBold !== '') {
    styles.add('bold speaker names');
    return { speaker: bold, text: afterBold, line: paragraph.line, withLabel: clean, ...time };
  }
  const label = leadingLabel(clean) ?? dashLabel(clean);
  if (label) return { speaker: label.name, text: label.rest, line: paragraph.line, withLabel: clean, ...time };
  return marks.length > 0 ? { text: clean, line: paragraph.line, ...time } : undefined;
}

/** A table row of time, speaker and text cells, in whatever order. */
function tableRow(cells: readonly string[], styles: Set<string>): Header {
  const texts = cells.map(oneLine);
  const timeAt = texts.findIndex((c) => parseClock(c) !== undefined);
  const rest = texts.map((c, i) => ({ c, i })).filter(({ i }) => i !== timeAt && texts[i] !== '');
  const longest = rest.reduce<{ c: string; i: number } | undefined>(
    (best, cell) => (best === undefined || cell.c.length > best.c.length ? cell : best),
    undefined,
  );
  const names = rest.filter((cell) => cell !== longest && shortName(cell.c));
  styles.add('table');
  if (timeAt < 0 || names.length !== 1) return { rest: texts.filter(Boolean).join(' ') };
  return {
    speaker: (names[0] as { c: string }).c,
    seconds: parseClock(texts[timeAt] as string),
    rest: longest?.c ?? '',
  };
}
