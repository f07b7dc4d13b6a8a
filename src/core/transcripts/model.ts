/** What a transcription tool's file holds, as qcode reads it: what was said, by whom, when. */
import { englishText, message, textOf, type Message } from '../messages';

/** One cue or paragraph of the source. */
export interface Utterance {
  /** The speaker as the source names them (`Kari Nordmann`, `SPEAKER_00`, `I`), if it does. */
  speaker?: string;
  /** Seconds from the start of the recording, if the source says. */
  seconds?: number;
  text: string;
  /** The line (or, in Word, the paragraph) of the source it starts on, 1-based. */
  line: number;
  /** Without a speaker: whether it goes on the paragraph before it (cues close in time). */
  continues?: boolean;
  /** The text with its `Name:` label, while that label is not yet known to name a speaker. */
  withLabel?: string;
}

export type TranscriptFormat = 'webvtt' | 'srt' | 'docx' | 'text';

export interface ParsedTranscript {
  /** The file name the transcript was read from. */
  source: string;
  format: TranscriptFormat;
  /** Which tool's conventions were recognised (Zoom, Teams, Otter ...), for the summary. */
  style: string;
  utterances: Utterance[];
}

/**
 * A transcript file that cannot be read; nothing is written then. `reason` and `message` are in
 * English, as the command line prints them; `detail` is the message to translate.
 */
export class TranscriptReadError extends Error {
  readonly reason: string;
  readonly detail: Message;

  constructor(
    readonly file: string,
    reason: Message | string,
    readonly line?: number,
  ) {
    const detail = line
      ? message('{file}:{line}: {reason}', { file, line, reason })
      : message('{file}: {reason}', { file, reason });
    super(englishText(detail));
    this.name = 'TranscriptReadError';
    this.reason = textOf(reason);
    this.detail = detail;
  }
}
