import { oneLine, voicedSpans } from './cueText';
import { leadingLabel } from './labels';
import type { Utterance } from './model';
import type { RawCue } from './webvttCues';

/** Zoom's newer transcripts name the speaker in the cue identifier: `12 "Kari Nordmann" (16779264)`. */
const ZOOM_IDENTIFIER = /^\d+\s+"(.+)"\s+\(\d+\)$/;
/** Whisper with diarization (whisper-ctranslate2, WhisperX): `[SPEAKER_00]: text` or `[SPEAKER_00] text`. */
const DIARIZED = /^\[([^\]\n]{1,40})\]:?[ \t]+/;

/**
 * A cue's text in spans, each with the speaker its voice tag, cue identifier, `[SPEAKER_00]` or `Name:` label gives.
 */
export function cueUtterances(cue: RawCue): Utterance[] {
  const fromIdentifier = ZOOM_IDENTIFIER.exec(cue.id.trim())?.[1];
  return voicedSpans(cue.text).map(({ voice, text }, index) => {
    const labelled = voice ?? fromIdentifier;
    const words = oneLine(text);
    const speech: Utterance = { text: words, line: cue.line, ...(index === 0 ? { seconds: cue.start } : {}) };
    if (labelled !== undefined) return { ...speech, speaker: oneLine(labelled) };
    const diarized = DIARIZED.exec(words);
    if (diarized) return { ...speech, speaker: (diarized[1] as string).trim(), text: words.slice(diarized[0].length) };
    const label = leadingLabel(words);
    return label ? { ...speech, speaker: label.name, text: label.rest, withLabel: words } : speech;
  });
}
