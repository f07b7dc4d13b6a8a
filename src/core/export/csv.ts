import type { Settings } from '../settings/settings';
import { formatRange } from '../text/position';
import { leadingSpeakerLabel, quoteText, type ConceptQuotes } from './quotes';

const COLUMNS = ['concept', 'concept_label', 'informant', 'quote', 'transcript', 'range', 'status', 'memo', 'coder', 'id'];

/** One row per passage and concept (RFC 4180, CRLF, with a BOM so spreadsheets read æøå right). */
export function quotesToCsv(groups: readonly ConceptQuotes[], settings: Settings): string {
  const label = leadingSpeakerLabel(settings);
  const rows = [COLUMNS];
  for (const { concept, quotes } of groups) {
    for (const resolved of quotes) {
      const { annotation, resolution } = resolved;
      rows.push([
        concept.id, concept.label, resolved.informant ?? '', quoteText(resolved, label), resolved.transcript.path,
        resolution.status === 'orphaned' ? '' : formatRange(resolution.range), resolution.status,
        annotation.memo ?? '', annotation.coder ?? '', annotation.id,
      ]);
    }
  }
  return csvText(rows);
}

/** Rows as RFC 4180 CSV with CRLF line ends and a BOM, so spreadsheets read æøå right. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
