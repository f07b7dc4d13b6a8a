/**
 * The words of a WebVTT or SRT cue's text: markup (`<b>`, `<c>`, `<font>`, inline timestamps) removed, entities
 * decoded, voices kept.
 */

export interface VoicedText {
  /** The name a `<v Name>` span gives, if the text is in one. */
  voice?: string;
  text: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};
const TAG = /<(\/?)([a-zA-Z]+|\d[\d:.]*)([^>]*)>/g;

/** The cue's text in spans of one voice each (most cues have one span, without a voice). */
export function voicedSpans(raw: string): VoicedText[] {
  const spans: VoicedText[] = [];
  let voice: string | undefined;
  let text = '';
  const close = (): void => {
    if (text.trim() !== '' || spans.length === 0) spans.push({ ...(voice !== undefined ? { voice } : {}), text });
    else if (text !== '') (spans[spans.length - 1] as VoicedText).text += text;
    text = '';
  };
  let at = 0;
  for (const match of raw.matchAll(TAG)) {
    text += raw.slice(at, match.index);
    at = match.index + match[0].length;
    const [, slash, name = '', annotation = ''] = match;
    if (name.toLowerCase() !== 'v') continue;
    close();
    voice = slash ? undefined : decodeEntities(annotation.trim()) || undefined;
  }
  text += raw.slice(at);
  close();
  return spans
    .map((span) => ({ ...span, text: decodeEntities(span.text) }))
    .filter((s, _i, all) => s.text.trim() !== '' || all.length === 1);
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Lines joined by spaces, runs of white space made one. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
