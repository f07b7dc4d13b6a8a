import { cueUtterances } from './cueSpeakers';
import { oneLine, voicedSpans } from './cueText';
import { confirmLabels } from './labels';
import type { Utterance } from './model';
import { readCues, type RawCue } from './webvttCues';

/** Cues without speakers further apart than this start a new paragraph. */
const PARAGRAPH_PAUSE = 2;
/** YouTube's automatic captions: words timed inline, `<00:00:01.520><c> word</c>`. */
const INLINE_TIMING = /<\d{1,2}:\d{2}[:.]\d|<c[.>]/;

export interface CueTranscript {
  style: string;
  utterances: Utterance[];
}

/** A WebVTT file (Zoom, Teams, Whisper, YouTube ...) as utterances in the order of the file. */
export function parseWebVtt(file: string, text: string): CueTranscript {
  return fromCues(readCues(file, text));
}

export function fromCues(cues: readonly RawCue[]): CueTranscript {
  const rolling = cues.some((c) => INLINE_TIMING.test(c.text));
  const utterances = confirmLabels(rolling ? rollingUtterances(cues) : cues.flatMap(cueUtterances));
  return {
    style: rolling ? 'YouTube automatic captions' : styleOf(cues, utterances),
    utterances: paragraphs(utterances, cues),
  };
}

function styleOf(cues: readonly RawCue[], utterances: readonly Utterance[]): string {
  if (cues.some((c) => /<v[\s.]/.test(c.text))) return 'voice tags (Teams)';
  if (cues.some((c) => /^\d+\s+"/.test(c.id))) return 'speakers in cue identifiers (Zoom)';
  if (utterances.some((u) => u.speaker !== undefined && /^SPEAKER_\d+$/.test(u.speaker)))
    return 'diarized speakers (Whisper)';
  return utterances.some((u) => u.speaker !== undefined) ? 'speaker labels' : 'no speakers';
}

/**
 * Rolling captions show each line twice, first as it is spoken and then above the next; only
 * the lines not already shown are new words.
 */
function rollingUtterances(cues: readonly RawCue[]): Utterance[] {
  const shown: string[] = [];
  const utterances: Utterance[] = [];
  for (const cue of cues) {
    const lines = cue.text
      .split('\n')
      .map((line) =>
        oneLine(
          voicedSpans(line)
            .map((s) => s.text)
            .join(' '),
        ),
      )
      .filter((line) => line !== '');
    const fresh = lines.slice(overlap(shown, lines));
    for (const line of fresh) utterances.push({ text: line, seconds: cue.start, line: cue.line });
    shown.push(...fresh);
  }
  return utterances;
}

/** How many of `lines`' first lines repeat the last lines shown. */
function overlap(shown: readonly string[], lines: readonly string[]): number {
  for (let k = Math.min(shown.length, lines.length); k > 0; k--) {
    if (lines.slice(0, k).every((line, i) => line === shown[shown.length - k + i])) return k;
  }
  return 0;
}

/** In a file without speakers, cues close in time make one paragraph. */
function paragraphs(utterances: Utterance[], cues: readonly RawCue[]): Utterance[] {
  if (utterances.some((u) => u.speaker !== undefined)) return utterances;
  const endOf = new Map(cues.map((c) => [c.line, c.end]));
  let previousEnd: number | undefined;
  return utterances.map((utterance) => {
    const start = utterance.seconds;
    const continues = previousEnd !== undefined && (start === undefined || start - previousEnd < PARAGRAPH_PAUSE);
    previousEnd = endOf.get(utterance.line) ?? previousEnd;
    return { ...utterance, continues };
  });
}
