import * as vscode from 'vscode';
import type { AgreementFigures, AgreementReport, Disagreement } from '../../../core/agreement/report';
import { escapeHtml } from '../../shared/webview/html';
import { t, translate } from '../../shared/l10n/displayLanguage';

/** The report as a page for a webview; a disagreement is a button that posts `{ open: index }`. */
export function agreementHtml(
  report: AgreementReport,
  labelOf: (conceptId: string) => string,
  webview: vscode.Webview,
  nonce: string,
): string {
  const csp = `default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">${STYLE}</style><title>${escapeHtml(t('Intercoder agreement'))}</title></head>
<body><h1>${escapeHtml(t('Intercoder agreement'))}</h1>
${coverage(report)}
${report.transcripts.length > 0 ? figuresTable(report, labelOf) + disagreements(report, labelOf) : ''}
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

function coverage(report: AgreementReport): string {
  const lines = [t('Coders: {0}.', report.coders.join(', '))];
  if (report.transcripts.length === 0)
    lines.push(t('No transcript was coded by all of them, so there is nothing to compare.'));
  else
    lines.push(
      t(
        'Compared character by character over {0} characters in {1} transcript(s): {2}.',
        report.characters,
        report.transcripts.length,
        report.transcripts.map((t) => t.path).join(', '),
      ),
    );
  if (report.excluded.length > 0)
    lines.push(t('Not compared: {0}.', report.excluded.map((e) => `${e.path} (${translate(e.detail)})`).join('; ')));
  if (report.orphansSkipped > 0) lines.push(t('{0} orphaned annotation(s) were left out.', report.orphansSkipped));
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
}

function figuresTable(report: AgreementReport, labelOf: (conceptId: string) => string): string {
  const kappa = report.coders.length > 2 ? t("Cohen's kappa, mean of the pairs of coders") : t("Cohen's kappa");
  const head = [
    escapeHtml(t('Concept')),
    escapeHtml(t('Agreement')),
    `<abbr title="${escapeHtml(kappa)}">κ</abbr>`,
    `<abbr title="${escapeHtml(t("Krippendorff's alpha"))}">α</abbr>`,
  ];
  const row = (label: string, figures: AgreementFigures, cls = '') =>
    `<tr class="${cls}"><td>${escapeHtml(label)}</td><td class="n">${percent(figures.percentAgreement)}</td><td class="n">${coefficient(figures.kappa.mean)}</td><td class="n">${coefficient(figures.alpha)}</td></tr>`;
  const rows = report.perConcept.map((c) => row(labelOf(c.conceptId), c));
  rows.push(row(t('All concepts'), report.overall, 'total'));
  return `<h2>${escapeHtml(t('Agreement per concept'))}</h2><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table><p class="meta">${escapeHtml(legend(kappa))}</p>`;
}

function legend(kappa: string): string {
  return t(
    'Agreement: share of characters on which the coders agree. κ: {0}. α: {1} (nominal). n/a: undefined, as when no coder used the concept.',
    kappa,
    t("Krippendorff's alpha"),
  );
}

function disagreements(report: AgreementReport, labelOf: (conceptId: string) => string): string {
  const title = `<h2>${escapeHtml(t('Disagreements ({0})', report.disagreements.length))}</h2>`;
  if (report.disagreements.length === 0)
    return `${title}<p>${escapeHtml(t('None: the coders agree on every character.'))}</p>`;
  const groups = report.perConcept.map((c) => {
    const items = report.disagreements.flatMap((d, index) =>
      d.conceptId === c.conceptId ? [disagreementItem(d, index)] : [],
    );
    return items.length === 0 ? '' : `<h3>${escapeHtml(labelOf(c.conceptId))}</h3><ul>${items.join('')}</ul>`;
  });
  return title + groups.join('');
}

function disagreementItem(d: Disagreement, index: number): string {
  const place = `${d.transcript}:${d.startLine}:${d.startColumn}`;
  const who = t('coded by {0}, not by {1}', d.codedBy.join(', '), d.notCodedBy.join(', '));
  const informant = d.informant ? ` (${d.informant})` : '';
  return `<li><button data-open="${index}" title="${escapeHtml(t('Open {0}', place))}">«${escapeHtml(d.quote)}»${escapeHtml(informant)}</button><br><span class="meta">${escapeHtml(place)} · ${escapeHtml(who)}</span></li>`;
}

function percent(value: number | null): string {
  return value === null ? t('n/a') : `${value.toFixed(1)} %`;
}

function coefficient(value: number | null): string {
  return value === null ? t('n/a') : value.toFixed(3);
}

const STYLE = `body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 1.5em}
table{border-collapse:collapse;margin-bottom:1em}th,td{padding:.25em .75em;border-bottom:1px solid var(--vscode-panel-border);text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:bold}
ul{list-style:none;padding:0}li{margin:.5em 0}.meta{color:var(--vscode-descriptionForeground);font-size:.9em}
button{background:none;border:none;color:var(--vscode-textLink-foreground);cursor:pointer;font:inherit;text-align:left;padding:0}
button:hover,button:focus{text-decoration:underline;outline:1px solid var(--vscode-focusBorder)}`;

const SCRIPT = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-open]');
  if (button) vscode.postMessage({ open: Number(button.dataset.open) });
});`;
