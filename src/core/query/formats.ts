import type { Codebook } from '../codebook/codebook';
import type { Block } from '../export/chapter';
import { csvText } from '../export/csv';
import { blocksToDocx } from '../export/docx';
import { exportWording } from '../export/language';
import { blockQuote, markdownText } from '../export/markdown';
import { citation, leadingSpeakerLabel, quoteText } from '../export/quotes';
import { basename } from '../paths';
import type { Settings } from '../settings/settings';
import { formatRange } from '../text/position';
import type { QueryPassage, QueryResult } from './passages';
import { passageQuote } from './passageQuote';

/** `{"query": ..., "passages": [{transcript, range, quote, informant, annotations, concepts}]}`. */
export function queryToJson(query: string, result: QueryResult): string {
  const passages = result.passages.map((p) => ({
    transcript: p.transcript.path,
    range: formatRange(p.range),
    quote: p.quote,
    informant: p.informant ?? null,
    annotations: p.annotations.map((r) => r.annotation.id),
    concepts: p.concepts,
  }));
  return JSON.stringify({ query, passages }, null, 2) + '\n';
}

const CSV_COLUMNS = ['transcript', 'range', 'informant', 'quote', 'concepts', 'annotations'];

/** One row per passage; concepts and annotation ids separated by spaces. */
export function queryToCsv(result: QueryResult): string {
  const rows = result.passages.map((p) => [
    p.transcript.path,
    formatRange(p.range),
    p.informant ?? '',
    p.quote,
    p.concepts.join(' '),
    p.annotations.map((r) => r.annotation.id).join(' '),
  ]);
  return csvText([CSV_COLUMNS, ...rows]);
}

/** The query as a heading, then per transcript its passages as block quotes with citation and place. */
export function queryToMarkdown(query: string, result: QueryResult, settings: Settings, codebook: Codebook): string {
  const label = leadingSpeakerLabel(settings);
  const parts = [`# ${markdownText(oneLine(query))}`];
  for (const [path, passages] of byTranscript(result)) {
    parts.push(`## ${markdownText(path)}`);
    for (const passage of passages) {
      const quote = passageQuote(passage);
      parts.push(blockQuote(quoteText(quote, label), citation(settings.citation, quote)));
      parts.push(`*${markdownText(place(passage, codebook))}*`);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** The same as a Word document. */
export function queryToDocx(
  query: string,
  result: QueryResult,
  settings: Settings,
  codebook: Codebook,
): Promise<Uint8Array> {
  const label = leadingSpeakerLabel(settings);
  const wording = exportWording(settings.language);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: oneLine(query) }];
  for (const [path, passages] of byTranscript(result)) {
    blocks.push({ kind: 'heading', level: 2, text: path });
    for (const passage of passages) {
      const quote = passageQuote(passage);
      const text = `${wording.open}${quoteText(quote, label)}${wording.close}`;
      blocks.push(
        { kind: 'quote', text, citation: citation(settings.citation, quote) },
        { kind: 'source', text: place(passage, codebook) },
      );
    }
  }
  return blocksToDocx(blocks, settings.language);
}

/** "intervju-K3.txt 21:5-21:43 · Fallskjerm, Ansvarsoversvømmelse" */
function place(passage: QueryPassage, codebook: Codebook): string {
  const labels = passage.concepts.map((id) => codebook.get(id)?.label ?? id);
  const where = `${basename(passage.transcript.path)} ${formatRange(passage.range)}`;
  return labels.length > 0 ? `${where} · ${labels.join(', ')}` : where;
}

function byTranscript(result: QueryResult): Map<string, QueryPassage[]> {
  const groups = new Map<string, QueryPassage[]>();
  for (const passage of result.passages) {
    const { path } = passage.transcript;
    groups.set(path, [...(groups.get(path) ?? []), passage]);
  }
  return groups;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
