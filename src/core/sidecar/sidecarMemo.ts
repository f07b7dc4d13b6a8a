import { Document, isMap, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { message } from '../messages';
import { problem } from '../problems';
import { readSidecar, type ParsedSidecar } from './readSidecar';
import { lineBreakOf, renderScalar, renderSidecar, withLineBreak } from './render';
import { lineEndAfter, lineStartOf, trimEndOffset } from './splice';
import { firstThatHolds, type WriteResult } from './writeSidecar';

/**
 * The sidecar text with the memo on the transcript as a whole set to `memo` (undefined: removed),
 * made from `previous` by touching only the `memo:` line: the annotations, comments and layout
 * stay byte for byte. A memo is written on one line (line breaks as \n), as every sidecar value
 * is; an empty memo removes it. Read back before it is returned; a previous text with errors is
 * never rewritten. Without a previous text and without a memo, the text is '' (nothing to write).
 */
export function writeSidecarMemo(
  path: string,
  previous: string | undefined,
  transcriptName: string,
  wanted: string | undefined,
): WriteResult {
  const memo = wanted?.trim() ? wanted : undefined;
  if (previous === undefined) {
    if (memo === undefined) return { ok: true, text: '' };
    const fresh = renderSidecar(transcriptName, [], memo);
    return (
      firstThatHolds(
        path,
        [() => fresh],
        { transcript: transcriptName, ...(memo === undefined ? {} : { memo }) },
        [],
      ) ?? refusal(path)
    );
  }
  const parsed = readSidecar(path, previous);
  const errors = parsed.file.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors };
  if (parsed.memo === memo) return { ok: true, text: previous };
  const header = {
    ...(parsed.transcript === undefined ? {} : { transcript: parsed.transcript }),
    ...(memo === undefined ? {} : { memo }),
  };
  const annotations = parsed.entries.map((e) => e.annotation);
  return (
    firstThatHolds(
      path,
      [() => spliced(previous, parsed, memo), () => reserialised(previous, memo)],
      header,
      annotations,
    ) ?? refusal(path)
  );
}

/** Only the memo's line changed, added or removed; undefined where the layout does not allow it. */
function spliced(text: string, parsed: ParsedSidecar, memo: string | undefined): string | undefined {
  const root = parsed.file.document?.contents;
  if (!isMap(root) || root.flow) return undefined;
  const nl = lineBreakOf(text);
  const pair = parsed.memoPair;
  if (pair) return memo === undefined ? withoutPair(text, pair) : withValue(text, pair, memo);
  if (memo === undefined) return text;
  const at = insertionPoint(text, root);
  const lead = at > 0 && text[at - 1] !== '\n' ? nl : '';
  return `${text.slice(0, at)}${lead}${withLineBreak(`memo: ${renderScalar(memo)}\n`, nl)}${text.slice(at)}`;
}

function withValue(text: string, pair: Pair, memo: string): string | undefined {
  const value = pair.value as Node | null;
  const rendered = renderScalar(memo);
  if (value?.range)
    return text.slice(0, value.range[0]) + rendered + text.slice(trimEndOffset(text, value.range[0], value.range[1]));
  const keyEnd = (pair.key as Node).range?.[1];
  const colon = keyEnd === undefined ? -1 : text.indexOf(':', keyEnd);
  return colon < 0 ? undefined : `${text.slice(0, colon + 1)} ${rendered}${text.slice(colon + 1)}`;
}

function withoutPair(text: string, pair: Pair): string | undefined {
  const keyStart = (pair.key as Node).range?.[0];
  if (keyStart === undefined) return undefined;
  const start = lineStartOf(text, keyStart);
  if (
    text
      .slice(start, keyStart)
      .replace(/^\uFEFF/, '')
      .trim() !== ''
  )
    return undefined;
  const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range?.[1] ?? keyStart;
  return text.slice(0, start) + text.slice(lineEndAfter(text, end));
}

/** After the `transcript:` line, else before `annotations:`, else at the end. */
function insertionPoint(text: string, root: YAMLMap): number {
  const keyed = (name: string) => root.items.find((p) => (p.key as { value?: unknown } | null)?.value === name);
  const transcript = keyed('transcript');
  const end = (transcript?.value as Node | null | undefined)?.range?.[1];
  if (end !== undefined) return lineEndAfter(text, end);
  const annotations = (keyed('annotations')?.key as Node | undefined)?.range?.[0];
  return annotations === undefined ? text.length : lineStartOf(text, annotations);
}

/** The whole document written anew with the memo set: comments stay, the layout may not. */
function reserialised(text: string, memo: string | undefined): string | undefined {
  const doc: Document = parseDocument(text, { version: '1.2' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  if (memo === undefined) doc.delete('memo');
  else if (doc.has('memo')) doc.set('memo', memo);
  else (doc.contents as YAMLMap).items.splice(memoIndex(doc.contents as YAMLMap), 0, doc.createPair('memo', memo));
  const written = doc.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
  return withLineBreak(written, lineBreakOf(text));
}

function memoIndex(root: YAMLMap): number {
  const at = root.items.findIndex((p) => (p.key as { value?: unknown } | null)?.value === 'annotations');
  return at < 0 ? root.items.length : at;
}

function refusal(path: string): WriteResult {
  return {
    ok: false,
    problems: [
      problem(
        path,
        1,
        1,
        'error',
        'unwritable-sidecar',
        message(
          'qcode could not write the memo into this sidecar in a form that reads back the same, so the file was left as it is. Write the memo by hand as "memo: ..." below the "transcript:" line.',
        ),
      ),
    ],
  };
}
