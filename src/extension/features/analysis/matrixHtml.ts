import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../../core/project/model';
import type { Matrix } from '../../../core/stats/matrix';
import { escapeHtml } from '../../shared/webview/html';
import { t } from '../../shared/l10n/displayLanguage';

/** What the page shows: the matrix, the views to switch between, and the quotes of a chosen cell. */
export interface MatrixPage {
  matrix: Matrix;
  views: { id: string; label: string }[];
  view: string;
  chosen?: { row: number; column: number; quotes: ResolvedAnnotation[] };
}

/**
 * The matrix as a table of buttons (one per cell, reachable with Tab, chosen with Enter), shaded by
 * count, and under it the quotes of the chosen cell, the first focused when `focusQuotes` (just
 * after the researcher chose the cell). Every text from the project is escaped; no element has a
 * style attribute, which the policy would refuse.
 */
export function matrixHtml(page: MatrixPage, webview: vscode.Webview, nonce: string, focusQuotes = false): string {
  const csp = `default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">${STYLE}${depthStyle(page.matrix)}</style><title>${escapeHtml(t('Analysis'))}</title></head>
<body>${toolbar(page)}${table(page.matrix, page.chosen)}${quotes(page, focusQuotes)}
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

function toolbar(page: MatrixPage): string {
  const options = page.views
    .map(
      (v) =>
        `<option value="${escapeHtml(v.id)}"${v.id === page.view ? ' selected' : ''}>${escapeHtml(v.label)}</option>`,
    )
    .join('');
  return `<label class="toolbar">${escapeHtml(t('Show'))} <select id="view">${options}</select></label>`;
}

function table(matrix: Matrix, chosen: MatrixPage['chosen']): string {
  if (matrix.rows.length === 0 || matrix.columns.length === 0)
    return `<p>${escapeHtml(t('Nothing to count yet: tag some passages first.'))}</p>`;
  const head = matrix.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const rows = matrix.rows.map((row, r) => {
    const cells = matrix.columns
      .map((column, c) =>
        cell(matrix, r, c, `${row.label} × ${column.label}`, chosen?.row === r && chosen.column === c),
      )
      .join('');
    return `<tr><th scope="row" class="depth-${row.depth ?? 0}">${escapeHtml(row.label)}</th>${cells}</tr>`;
  });
  return `<table><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The indentation of each depth of concept in the matrix: a rule in the page's stylesheet, as the policy allows no
 * style attributes.
 */
function depthStyle(matrix: Matrix): string {
  const depths = new Set(matrix.rows.map((row) => row.depth ?? 0));
  return [...depths].map((depth) => `\nth.depth-${depth}{padding-left:${0.5 + depth}em}`).join('');
}

function cell(matrix: Matrix, row: number, column: number, name: string, chosen: boolean): string {
  const count = matrix.cells[row]?.[column]?.count ?? 0;
  const level = matrix.max === 0 ? 0 : Math.ceil((count / matrix.max) * 5);
  const label = t('{0}: {1} passages', name, count);
  return `<td class="l${level}${chosen ? ' chosen' : ''}"><button data-row="${row}" data-column="${column}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}"${count === 0 ? ' disabled' : ''}>${count}</button></td>`;
}

function quotes(page: MatrixPage, focus: boolean): string {
  if (!page.chosen) return `<p class="hint">${escapeHtml(t('Choose a cell to list its passages.'))}</p>`;
  const { matrix, chosen } = page;
  const title = `${matrix.rows[chosen.row]?.label ?? ''} × ${matrix.columns[chosen.column]?.label ?? ''}`;
  const items = chosen.quotes.map((q, index) => {
    const place =
      q.resolution.status === 'orphaned' ? t('orphaned') : `${q.transcript.path}:${q.resolution.range.start.line}`;
    const informant = q.informant ? ` (${q.informant})` : '';
    return `<li><button data-open="${index}"${focus && index === 0 ? ' autofocus' : ''}>«${escapeHtml(q.text)}»${escapeHtml(informant)}</button><br><span class="meta">${escapeHtml(place)}</span></li>`;
  });
  return `<h2>${escapeHtml(title)}</h2><ul>${items.join('')}</ul>`;
}

const STYLE = `body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 1em}
.toolbar{display:block;margin:1em 0}select{background:var(--vscode-dropdown-background);color:var(--vscode-dropdown-foreground);border:1px solid var(--vscode-dropdown-border);padding:2px 4px}
table{border-collapse:collapse}th{font-weight:normal;text-align:left;padding:.2em .5em;white-space:nowrap}thead th{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;vertical-align:bottom}
td{border:1px solid var(--vscode-panel-border);padding:0;text-align:center;min-width:2.2em}
td button{width:100%;height:100%;padding:.25em;background:none;border:none;color:inherit;font:inherit;cursor:pointer;font-variant-numeric:tabular-nums}
td button:disabled{cursor:default;color:var(--vscode-disabledForeground)}td button:focus{outline:2px solid var(--vscode-focusBorder)}
td.l1{background:color-mix(in srgb,var(--vscode-charts-blue) 15%,transparent)}td.l2{background:color-mix(in srgb,var(--vscode-charts-blue) 30%,transparent)}
td.l3{background:color-mix(in srgb,var(--vscode-charts-blue) 45%,transparent)}td.l4{background:color-mix(in srgb,var(--vscode-charts-blue) 60%,transparent)}
td.l5{background:color-mix(in srgb,var(--vscode-charts-blue) 80%,transparent)}td.chosen{outline:2px solid var(--vscode-charts-orange)}
ul{list-style:none;padding:0}li{margin:.5em 0}.meta,.hint{color:var(--vscode-descriptionForeground);font-size:.9em}
li button{background:none;border:none;color:var(--vscode-textLink-foreground);cursor:pointer;font:inherit;text-align:left;padding:0;word-break:break-word}
li button:hover,li button:focus{text-decoration:underline;outline:1px solid var(--vscode-focusBorder)}`;

const SCRIPT = `const vscode = acquireVsCodeApi();
document.getElementById('view').addEventListener('change', (event) => vscode.postMessage({ view: event.target.value }));
document.addEventListener('click', (event) => {
  const cell = event.target.closest('button[data-row]');
  if (cell) vscode.postMessage({ row: Number(cell.dataset.row), column: Number(cell.dataset.column) });
  const quote = event.target.closest('button[data-open]');
  if (quote) vscode.postMessage({ open: Number(quote.dataset.open) });
});
document.querySelector('[autofocus]')?.focus();`;
