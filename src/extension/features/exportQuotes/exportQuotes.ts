import * as vscode from 'vscode';
import { exportChoices, type ExportChoices } from '../../../core/export/options';
import { renderExport } from '../../../core/export/render';
import { withStrandedSidecars } from '../../../core/export/strandedSidecars';
import { ProjectIndex } from '../../../core/project/projectIndex';
import type { ExportPreset, Grouping, QuoteFormat } from '../../../core/settings/exportPresets';
import type { Settings } from '../../../core/settings/settings';
import { encodeUtf8 } from '../../../core/text/decode';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { warnAboutGaps } from './exportGaps';
import { t } from '../../shared/l10n/displayLanguage';

const FORMATS: { id: QuoteFormat; label: string }[] = [
  { id: 'docx', label: 'Word' },
  { id: 'md', label: 'Markdown' },
  { id: 'csv', label: 'CSV' },
  { id: 'json', label: 'JSON' },
];

/** What a script or test gives Export Quotes… to skip its questions. */
export interface ExportRequest {
  choices: Partial<ExportChoices>;
  target: vscode.Uri;
}

/**
 * Export Quotes…: a preset from qcode.yaml, or format, concepts and grouping chosen here. Returns
 * how many quotes were written. Annotations whose transcript is missing are exported from their
 * saved quotes, and a warning says so.
 */
export async function exportQuotes(host: ProjectHost, request?: ExportRequest): Promise<number | undefined> {
  const loaded = host.current ?? (await host.reload());
  if (!loaded) return undefined;
  const choices = request
    ? exportChoices(loaded.project.settings, undefined, request.choices)
    : await pickChoices(loaded);
  if (!choices) return undefined;
  const label = FORMATS.find((f) => f.id === choices.format)?.label ?? choices.format;
  const target =
    request?.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: host.files.uri(choices.out ?? `quotes.${choices.format}`),
      filters: { [label]: [choices.format] },
    }));
  if (!target) return undefined;
  const project = await withStrandedSidecars(host.files, loaded.project);
  const index = project === loaded.project ? loaded.index : new ProjectIndex(project);
  const { content, quotes, gaps } = await renderExport(index, project.settings, choices);
  await vscode.workspace.fs.writeFile(target, typeof content === 'string' ? encodeUtf8(content) : content);
  if (typeof content === 'string') await vscode.window.showTextDocument(target);
  if (!warnAboutGaps(gaps) && typeof content !== 'string') void offerToOpen(target, quotes);
  return quotes;
}

/** Says where a Word file was written, with a button that opens it in the system's word processor. */
async function offerToOpen(target: vscode.Uri, quotes: number): Promise<void> {
  const open = t('Open');
  const answer = await vscode.window.showInformationMessage(
    t('Wrote {0} quotes to {1}.', quotes, vscode.workspace.asRelativePath(target)),
    open,
  );
  if (answer === open) await vscode.env.openExternal(target);
}

async function pickChoices(loaded: LoadedProject): Promise<ExportChoices | undefined> {
  const { settings } = loaded.project;
  const preset = await pickPreset(settings.exports);
  if (preset === undefined) return undefined;
  if (preset !== 'choose') return exportChoices(settings, preset);
  return chooseHere(loaded, settings);
}

async function pickPreset(presets: readonly ExportPreset[]): Promise<ExportPreset | 'choose' | undefined> {
  if (presets.length === 0) return 'choose';
  const items = [
    ...presets.map((preset) => ({ label: preset.name, description: preset.format ?? 'md', preset })),
    { label: t('Choose…'), description: t('format, concepts and grouping'), preset: 'choose' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: t('Export which quotes?') }))?.preset;
}

async function chooseHere(loaded: LoadedProject, settings: Settings): Promise<ExportChoices | undefined> {
  const format = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ ...f, description: `.${f.id}` })),
    { title: t('Export tagged quotes as') },
  );
  if (!format) return undefined;
  const concepts = await vscode.window.showQuickPick(
    [...loaded.project.codebook.all()].map((concept) => ({
      label: `${'\u2003'.repeat(concept.depth)}${concept.label}`,
      description: concept.id,
      id: concept.id,
    })),
    { title: t('Which concepts? (none chosen: all)'), canPickMany: true, matchOnDescription: true },
  );
  if (!concepts) return undefined;
  const group =
    format.id === 'csv' || format.id === 'json'
      ? { id: 'concept' as Grouping }
      : await vscode.window.showQuickPick(
          [
            { label: t('By concept'), id: 'concept' as Grouping },
            { label: t('By informant, then concept'), id: 'informant' as Grouping },
          ],
          { title: t('Group the quotes') },
        );
  if (!group) return undefined;
  const extras = format.id === 'docx' ? await pickExtras() : {};
  if (!extras) return undefined;
  return exportChoices(settings, undefined, {
    format: format.id,
    concepts: concepts.map((c) => c.id),
    group: group.id,
    ...extras,
  });
}

/** Whether a Word chapter draft shows each quote's memos and the text around it. */
async function pickExtras(): Promise<Pick<ExportChoices, 'memos' | 'context'> | undefined> {
  const items = [
    { label: t('Memos'), description: t("each coder's memo under the quote"), id: 'memos' as const },
    { label: t('Context'), description: t('the text before and after the quote'), id: 'context' as const },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Include with each quote (none ticked: the quote alone)'),
    canPickMany: true,
  });
  if (!picked) return undefined;
  return { memos: picked.some((p) => p.id === 'memos'), context: picked.some((p) => p.id === 'context') };
}
