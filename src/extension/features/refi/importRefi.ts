import * as vscode from 'vscode';
import { importRefi as importIntoProject } from '../../../core/refi/importRefi';
import { summaryLines, type ImportSummary } from '../../../core/refi/importSummary';
import { RefiReadError } from '../../../core/refi/readError';
import { checkInputSize } from '../../../core/refi/readPackage';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { ReportDocuments } from '../../shared/reports/reportDocuments';
import { t, translate } from '../../shared/l10n/displayLanguage';

/** "Import REFI-QDA…": a .qdpx project or .qdc codebook from another tool, merged into this project by GUID. */
export async function importRefi(
  host: ProjectHost,
  reports: ReportDocuments,
  source?: vscode.Uri,
): Promise<ImportSummary | undefined> {
  const uri = source ?? (await pickFile());
  if (!uri) return undefined;
  const name = uri.path.split('/').pop() ?? 'import';
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Importing {0}', name) },
    async () => {
      try {
        checkInputSize(name, (await vscode.workspace.fs.stat(uri)).size);
        return await importIntoProject(host.files, { name, bytes: await vscode.workspace.fs.readFile(uri) });
      } catch (error) {
        if (!(error instanceof RefiReadError)) throw error;
        void vscode.window.showErrorMessage(t('{0} could not be imported: {1}', name, error.message));
        return undefined;
      } finally {
        await host.reload();
      }
    },
  );
  if (summary) void announce(summary, reports);
  return summary;
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: t('Import REFI-QDA'),
    canSelectMany: false,
    filters: { [t('REFI-QDA project or codebook')]: ['qdpx', 'qdc', 'qde'] },
  });
  return picked?.[0];
}

async function announce(summary: ImportSummary, reports: ReportDocuments): Promise<void> {
  const { annotations, concepts, informants } = summary;
  const headline = t(
    'Imported {0}: {1} annotations added, {2} merged, {3} orphaned; {4} concepts and {5} informants added.',
    summary.file,
    annotations.added,
    annotations.merged,
    annotations.orphaned,
    concepts.added,
    informants.added,
  );
  const units = [...new Set(summary.sources.flatMap((s) => (s.offsets ? [s.offsets.description] : [])))];
  const message = [
    headline,
    units.length > 0 ? t('Positions read as {0}.', units.join('; ')) : '',
    summary.problems.length > 0 ? t('{0} problem(s) need a look.', summary.problems.length) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const details = t('Show Details');
  const show =
    summary.problems.length > 0
      ? vscode.window.showWarningMessage(message, details)
      : vscode.window.showInformationMessage(message, details);
  if ((await show) === details)
    await reports.show(
      `import-${summary.file}.md`,
      `# ${t('Import of {0}', summary.file)}\n\n\`\`\`text\n${summaryLines(summary).map(translate).join('\n')}\n\`\`\`\n`,
    );
}
