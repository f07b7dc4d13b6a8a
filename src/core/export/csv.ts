import type { Settings } from '../settings/settings';
import { formatRange } from '../text/position';
import { exportWording } from './language';
import { leadingSpeakerLabel, quoteText, sidecarNote, type ConceptQuotes } from './quotes';

const COLUMNS = [
  'concept',
  'concept_label',
  'informant',
  'quote',
  'transcript',
  'range',
  'status',
  'memo',
  'coder',
  'id',
  'note',
];

/**
 * One row per passage and concept (RFC 4180, CRLF, with a BOM so spreadsheets read æøå right).
 * `note` says when a quote comes from the sidecar because its transcript or passage is missing.
 */
export function quotesToCsv(groups: readonly ConceptQuotes[], settings: Settings): string {
  const label = leadingSpeakerLabel(settings);
  const wording = exportWording(settings.language);
  const rows = [COLUMNS];
  for (const { concept, quotes } of groups) {
    for (const resolved of quotes) {
      const { annotation, resolution } = resolved;
      rows.push([
        concept.id,
        concept.label,
        resolved.informant ?? '',
        quoteText(resolved, label),
        resolved.transcript.path,
        resolution.status === 'orphaned' ? '' : formatRange(resolution.range),
        resolution.status,
        annotation.memo ?? '',
        annotation.coder ?? '',
        annotation.id,
        sidecarNote(resolved, wording) ?? '',
      ]);
    }
  }
  return csvText(rows);
}

/**
 * Rows as RFC 4180 CSV with CRLF line ends and a BOM, so spreadsheets read æøå right. Every CSV qcode writes goes
 * through here.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A cell a spreadsheet shows as text, never runs: control characters other than tab and line feed
 * (NUL, ESC, carriage return ...) are left out, and a cell that then starts with = + - @ or tab (a
 * formula, or DDE as in `=cmd|' /C calc'!A0`) gets a leading apostrophe, as OWASP advises.
 */
export function spreadsheetSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
  return /^[=+\-@\t]/.test(text) ? `'${text}` : text;
}
