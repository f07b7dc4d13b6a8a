import type { AgreementFigures, AgreementReport, Disagreement } from './report';
import { escapeMarkdown } from '../text/markdownEscape';

/** The agreement report as Markdown: what was compared, a table per concept, then the disagreements by concept. */
export function agreementMarkdown(
  report: AgreementReport,
  labelOf: (conceptId: string) => string = (id) => id,
): string {
  const parts = ['# Intercoder agreement', coverage(report)];
  if (report.excluded.length > 0)
    parts.push(`Not compared:\n\n${report.excluded.map((t) => `- ${t.path}: ${t.reason}`).join('\n')}`);
  if (report.orphansSkipped > 0)
    parts.push(
      `${counted(report.orphansSkipped, 'orphaned annotation')} by these coders were left out: their passages were not found in the current text.`,
    );
  if (report.transcripts.length === 0) return parts.join('\n\n') + '\n';
  parts.push('## Agreement per concept', figuresTable(report, labelOf));
  if (report.coders.length > 2) parts.push(pairsTable(report, labelOf));
  parts.push('## Disagreements', ...disagreementSections(report, labelOf));
  return parts.join('\n\n') + '\n';
}

function coverage(report: AgreementReport): string {
  const coders = report.coders.join(', ');
  if (report.transcripts.length === 0)
    return `Coders: ${coders}. No transcript was coded by all of them, so there is nothing to compare.`;
  const list = report.transcripts.map((t) => `- ${t.path} (${counted(t.characters, 'character')})`).join('\n');
  return (
    `Coders: ${coders}. The units are the ${counted(report.characters, 'character')} of the ${counted(report.transcripts.length, 'transcript')} every one of them coded; ` +
    `per concept, a coder's value for a character is whether one of the coder's annotations with the concept covers it.\n\n${list}`
  );
}

function figuresTable(report: AgreementReport, labelOf: (conceptId: string) => string): string {
  const kappa = report.coders.length > 2 ? "Cohen's kappa (mean of pairs)" : "Cohen's kappa";
  const header = [
    'Concept',
    'Agreement',
    kappa,
    "Krippendorff's alpha",
    ...report.coders.map((c) => `Coded by ${escapeMarkdown(c)}`),
  ];
  const rows = report.perConcept.map((c) => figuresRow(escapeMarkdown(labelOf(c.conceptId)), c, report.coders));
  rows.push(figuresRow('**All concepts**', report.overall, report.coders));
  return table(header, rows);
}

function figuresRow(label: string, figures: AgreementFigures, coders: readonly string[]): string[] {
  const percent = figures.percentAgreement === null ? 'n/a' : `${figures.percentAgreement.toFixed(1)} %`;
  return [
    label,
    percent,
    coefficient(figures.kappa.mean),
    coefficient(figures.alpha),
    ...coders.map((c) => String(figures.codedCharacters[c] ?? 0)),
  ];
}

function pairsTable(report: AgreementReport, labelOf: (conceptId: string) => string): string {
  const header = ['Concept', ...report.overall.kappa.pairs.map((p) => `κ ${escapeMarkdown(p.coders.join('–'))}`)];
  const rows = report.perConcept.map((c) => [
    escapeMarkdown(labelOf(c.conceptId)),
    ...c.kappa.pairs.map((p) => coefficient(p.kappa)),
  ]);
  rows.push(['**All concepts**', ...report.overall.kappa.pairs.map((p) => coefficient(p.kappa))]);
  return table(header, rows);
}

function disagreementSections(report: AgreementReport, labelOf: (conceptId: string) => string): string[] {
  if (report.disagreements.length === 0) return ['No disagreements.'];
  return report.perConcept
    .map((c) => ({ conceptId: c.conceptId, found: report.disagreements.filter((d) => d.conceptId === c.conceptId) }))
    .filter((group) => group.found.length > 0)
    .map(
      (group) => `### ${escapeMarkdown(labelOf(group.conceptId))}\n\n${group.found.map(disagreementItem).join('\n')}`,
    );
}

function disagreementItem(d: Disagreement): string {
  const informant = d.informant === null ? '' : ` (${d.informant})`;
  const who = `coded by ${d.codedBy.join(', ')}, not by ${d.notCodedBy.join(', ')}`;
  return `- \`${d.transcript}:${d.startLine}:${d.startColumn}\`${informant}, ${who}: “${escapeMarkdown(d.quote)}”`;
}

/** Three decimals, or n/a where the coefficient is undefined. */
function coefficient(value: number | null): string {
  if (value === null) return 'n/a';
  const fixed = value.toFixed(3);
  return fixed === '-0.000' ? '0.000' : fixed;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
