import { qcodeText } from '../src/core/transcripts/qcodeForm';
import { readTranscript } from '../src/core/transcripts/readTranscript';

export interface TranscriptImportResult {
  cues: number;
  bytes: number;
  ms: number;
  msRuns: number[];
}

/** A 3-hour Zoom WebVTT transcript: 3,000 cues of two speakers, about 3.6 s each, with Norwegian letters. */
export function threeHourVtt(): string {
  const clock = (s: number): string => new Date(s * 1000).toISOString().slice(11, 23);
  const blocks: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const start = i * 3.6;
    const speaker = Math.floor(i / 3) % 2 === 0 ? 'Maria Hansen Berg' : 'Kari Nordmann';
    blocks.push(
      `${i + 1}\r\n${clock(start)} --> ${clock(start + 3.4)}\r\n${speaker}: Det var etter at jeg ble skrevet ut fra DPS, og så sto jeg på trappa nummer ${i}.`,
    );
  }
  return `WEBVTT\r\n\r\n${blocks.join('\r\n\r\n')}\r\n`;
}

/** Reads the transcript and writes it in qcode's form, best of five. */
export function measureTranscriptImport(): TranscriptImportResult {
  const bytes = new TextEncoder().encode(threeHourVtt());
  const msRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const parsed = readTranscript('interview.vtt', bytes);
    qcodeText(parsed.utterances, (s) => (s === 'Kari Nordmann' ? 'K4' : 'I'));
    msRuns.push(performance.now() - started);
  }
  return { cues: 3000, bytes: bytes.length, ms: Math.min(...msRuns), msRuns };
}
