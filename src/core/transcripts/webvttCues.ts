import { WebVTTParser, type Cue } from 'webvtt-parser';
import { message, type Message } from '../messages';
import { parseClock } from './clock';
import { TranscriptReadError } from './model';

/** A cue as the file has it: identifier, start, raw text, and the line of its timing. */
export interface RawCue {
  id: string;
  start: number;
  end: number;
  text: string;
  line: number;
}

/**
 * Errors of the W3C parser that lose no words: the cue is read all the same. Everything else
 * (a timing that cannot be read, a cue identifier with no timing, a missing signature) refuses
 * the file, since the parser leaves such a cue's text out.
 */
const HARMLESS = new Set([
  'No blank line after the signature.',
  'Blank line missing before cue.',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.',
]);

/**
 * The cues of a WebVTT file in the order of the file, read by the W3C's own parser and validator
 * (webvtt-parser). `lineShift` is subtracted from the lines in errors, for text that was given a
 * signature first (SRT).
 */
export function readCues(file: string, given: string, lineShift = 0): RawCue[] {
  const text = paddedTimings(given);
  const parsed = new WebVTTParser().parse(text, 'metadata');
  const fatal = parsed.errors.find((e) => !HARMLESS.has(e.message));
  if (fatal) throw new TranscriptReadError(file, explain(fatal.message), Math.max(1, fatal.line - lineShift));
  return inFileOrder(parsed.cues, timingLines(text), lineShift);
}

const TIMESTAMP = String.raw`\d+(?::\d+){1,2}(?:\.\d+)?`;
const TIMING_LINE = new RegExp(String.raw`^([ \t]*)(${TIMESTAMP})([ \t]+-->[ \t]+)(${TIMESTAMP})(?=[ \t\r]|$)`, 'gm');

/**
 * Timestamps written without their zeros, as Microsoft Graph gives Teams transcripts
 * (`0:0:0.0 --> 0:0:5.320`), padded to the form the parser reads: `00:00:00.000`. Lines stay lines.
 */
export function paddedTimings(text: string): string {
  return text.replace(
    TIMING_LINE,
    (_whole, indent: string, start: string, arrow: string, end: string) => indent + padded(start) + arrow + padded(end),
  );
}

function padded(timestamp: string): string {
  const [clock = '', fraction = ''] = timestamp.split('.');
  const parts = clock.split(':').map((part) => part.padStart(2, '0'));
  return `${parts.join(':')}.${fraction.padEnd(3, '0')}`;
}

function explain(complaint: string): Message {
  if (complaint.startsWith('No valid signature'))
    return message('is not a WebVTT file: it must start with "WEBVTT". Export it again from the tool that made it.');
  return message(
    'cannot be read here ({complaint}) so part of the text would be lost. Correct the file at this line, or export it again.',
    { complaint },
  );
}

interface Timing {
  start: number;
  end: number;
  line: number;
}

function timingLines(text: string): Timing[] {
  const timings: Timing[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const match = /^\s*(\S+)\s+-->\s+(\S+)/.exec(line);
    const start = match && parseClock(match[1] as string);
    const end = match && parseClock(match[2] as string);
    if (index > 0 && typeof start === 'number' && typeof end === 'number')
      timings.push({ start, end, line: index + 1 });
  });
  return timings;
}

/**
 * The parser sorts cues by time; this puts them back in the order of the file, which is the order they were said in.
 */
function inFileOrder(cues: readonly Cue[], timings: readonly Timing[], lineShift: number): RawCue[] {
  const unused = [...cues];
  const ordered: RawCue[] = [];
  for (const timing of timings) {
    const at = unused.findIndex((c) => near(c.startTime, timing.start) && near(c.endTime, timing.end));
    if (at < 0) continue;
    const [cue] = unused.splice(at, 1) as [Cue];
    ordered.push({ id: cue.id, start: cue.startTime, end: cue.endTime, text: cue.text, line: timing.line - lineShift });
  }
  return [
    ...ordered,
    ...unused.map((cue) => ({ id: cue.id, start: cue.startTime, end: cue.endTime, text: cue.text, line: 1 })),
  ];
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.0005;
}
