import type { Document } from 'yaml';
import { englishText, message, type Message } from '../messages';
import { readBack, rereadsAs } from './verifyCodebook';

/**
 * Edits of codebook.yaml that keep everything they do not change: comments, blank lines, quoting,
 * key order and line endings. Each edit is made twice: on the parsed document (which defines what
 * the result means) and as a small text splice. The splice is used when it parses to the same
 * concepts as the document; otherwise, for unusual layouts such as flow mappings, the whole
 * document is re-serialised, which keeps comments but may reformat. Either is read back as check
 * reads it before it is returned; when neither holds what the edit means, the edit is refused.
 */

/** A refused edit says why in English (`message`, as the command line prints it) and as `detail` to translate. */
export type EditResult = { ok: true; text: string } | { ok: false; message: string; detail: Message };

export function attempt(splice: () => string): string | undefined {
  try {
    return splice();
  } catch {
    return undefined; // an unusual layout: the re-serialised document is used instead
  }
}

/**
 * The first spliced text that reads as the edited document means, else the serialised document when
 * that does; else nothing is written. Read as check reads it: no error the text did not have before.
 */
export function settle(text: string, doc: Document, ...spliced: (string | undefined)[]): EditResult {
  const errorsBefore = readBack(text)?.errors ?? 0;
  const kept = spliced.find((candidate) => candidate !== undefined && rereadsAs(candidate, doc, errorsBefore));
  if (kept !== undefined) return { ok: true, text: kept };
  const serialised = doc.toString({ lineWidth: 0 });
  const written = text.includes('\r\n') ? serialised.replace(/\r?\n/g, '\r\n') : serialised;
  if (rereadsAs(written, doc, errorsBefore)) return { ok: true, text: written };
  return fail(
    message(
      'codebook.yaml could not be written so that it reads back as this change means, so it was left as it is. Make the change by hand, or write the codebook in block style ("- id: ..." items under "concepts:") and try again.',
    ),
  );
}

export function unknownConcept(id: string): Message {
  return message('There is no concept "{id}" in the codebook.', { id });
}

export function fail(detail: Message): EditResult {
  return { ok: false, message: englishText(detail), detail };
}
