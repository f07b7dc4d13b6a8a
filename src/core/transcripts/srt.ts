import type { Utterance } from './model';
import { fromCues, type CueTranscript } from './webvtt';
import { readCues } from './webvttCues';

const SRT_TIMING = /^(\s*\d+:\d{2}:\d{2}),(\d{1,3}\s+-->\s+\d+:\d{2}:\d{2}),(\d{1,3})/;

/**
 * An SRT file, read by the WebVTT parser after its timings are written the WebVTT way (comma to
 * dot) under a signature: SRT is WebVTT's ancestor, and the two differ in no other way that
 * transcripts use. Errors name the line of the SRT file.
 */
export function parseSrt(file: string, text: string): CueTranscript {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.replace(SRT_TIMING, '$1.$2.$3'));
  const read = fromCues(readCues(file, `WEBVTT\n\n${lines.join('\n')}`, 2));
  return { ...read, utterances: carrySpeakers(read.utterances) };
}

/** SRT exports (Otter, Descript) name the speaker only when it changes: a cue without a label is the last speaker's. */
function carrySpeakers(utterances: Utterance[]): Utterance[] {
  let speaker: string | undefined;
  return utterances.map((u) => {
    speaker = u.speaker ?? speaker;
    return speaker === undefined ? u : { ...u, speaker, continues: false };
  });
}
