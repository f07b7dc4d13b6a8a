import { message } from '../messages';
import { decodeUtf8 } from '../text/decode';
import { docxParagraphs } from './docx';
import { TranscriptReadError, type ParsedTranscript, type TranscriptFormat, type Utterance } from './model';
import { paragraphUtterances } from './paragraphs';
import { parseSrt } from './srt';
import { textParagraphs } from './textExport';
import { parseWebVtt } from './webvtt';

/** The endings of the files a transcription tool writes that qcode reads. */
export const TRANSCRIPT_ENDINGS = ['vtt', 'srt', 'docx', 'txt', 'md', 'markdown', 'text'] as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SRT_START = /^\s*\d+\s*\r?\n\s*\d+:\d{2}:\d{2},\d{1,3}\s+-->/;

/**
 * Reads a transcript exported by a transcription tool, recognising its format by its content
 * first and its ending second: WebVTT, SRT, Word (.docx) or text. Throws TranscriptReadError,
 * naming the line, for a file that cannot be read whole.
 */
export function readTranscript(name: string, bytes: Uint8Array): ParsedTranscript {
  const ending = name.toLowerCase().split('.').pop() ?? '';
  if (ending === 'doc')
    throw new TranscriptReadError(
      name,
      message('is an old Word document (.doc). Open it in Word and save it as .docx, then import that.'),
    );
  if (ZIP.every((b, i) => bytes[i] === b) || ending === 'docx') {
    return withText(name, 'docx', paragraphUtterances(docxParagraphs(name, bytes)));
  }
  const text = decodeText(name, bytes);
  if (text.trim() === '') throw new TranscriptReadError(name, message('is empty: there is nothing to import.'));
  if (/^WEBVTT/.test(text) || ending === 'vtt') return withText(name, 'webvtt', parseWebVtt(name, text));
  if (ending === 'srt' || SRT_START.test(text)) return withText(name, 'srt', parseSrt(name, text));
  return withText(name, 'text', paragraphUtterances(textParagraphs(text)));
}

function withText(
  source: string,
  format: TranscriptFormat,
  read: { style: string; utterances: Utterance[] },
): ParsedTranscript {
  if (!read.utterances.some((u) => u.text.trim() !== ''))
    throw new TranscriptReadError(source, message('has no text to import.'));
  return { source, format, style: read.style, utterances: read.utterances };
}

function decodeText(name: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new TranscriptReadError(name, decoded.detail, decoded.line);
  return decoded.text;
}
