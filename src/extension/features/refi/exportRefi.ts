import * as vscode from 'vscode';
import { exportGaps } from '../../../core/export/exportGaps';
import { withStrandedSidecars } from '../../../core/export/strandedSidecars';
import { codebookToRefi, countCodes } from '../../../core/refi/exportCodes';
import { packageQdpx } from '../../../core/refi/packageQdpx';
import { projectToRefi } from '../../../core/refi/projectToRefi';
import { writeCodebookXml } from '../../../core/refi/writeXml';
import { encodeUtf8 } from '../../../core/text/decode';
import { gapMessages } from '../exportQuotes/exportGaps';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

type Format = 'qdpx' | 'qdc';

/**
 * "Export REFI-QDA…": the project as a .qdpx, or the codebook as a .qdc, for NVivo, ATLAS.ti, MAXQDA and the others.
 */
export async function exportRefi(host: ProjectHost, format?: Format, target?: vscode.Uri): Promise<string | undefined> {
  const chosen = format ?? (await pickFormat());
  if (!chosen) return undefined;
  const name = host.files.root.path.split('/').pop() || 'project';
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: t('Export REFI-QDA'),
      defaultUri: vscode.Uri.joinPath(host.files.root, chosen === 'qdpx' ? `${name}.qdpx` : 'codebook.qdc'),
      filters: chosen === 'qdpx' ? { [t('REFI-QDA project')]: ['qdpx'] } : { [t('REFI-QDA codebook')]: ['qdc'] },
    }));
  if (!uri) return undefined;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Exporting {0}', uri.path.split('/').pop() ?? '') },
    async () => {
      const loaded = await host.refresh();
      if (!loaded) return undefined;
      const written =
        chosen === 'qdpx'
          ? await writeProject(host, loaded, name, uri)
          : { summary: await writeCodebook(loaded, uri), complete: true };
      void (written.complete
        ? vscode.window.showInformationMessage(written.summary)
        : vscode.window.showWarningMessage(written.summary));
      return written.summary;
    },
  );
}

async function pickFormat(): Promise<Format | undefined> {
  const items = [
    {
      label: t('REFI-QDA project (.qdpx)'),
      detail: t('Transcripts, codebook, informants and annotations'),
      format: 'qdpx' as const,
    },
    { label: t('REFI-QDA codebook (.qdc)'), detail: t('The concepts only'), format: 'qdc' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: t('Export REFI-QDA') }))?.format;
}

/**
 * Orphaned annotations, those of missing transcripts too, go into sources made of their saved quotes; the summary says
 * so.
 */
async function writeProject(
  host: ProjectHost,
  loaded: LoadedProject,
  name: string,
  uri: vscode.Uri,
): Promise<{ summary: string; complete: boolean }> {
  const project = await withStrandedSidecars(host.files, loaded.project);
  const exported = projectToRefi(project, name);
  await vscode.workspace.fs.writeFile(uri, await packageQdpx(exported));
  const { sources, cases, codes } = exported.project;
  const selections = sources.reduce((n, s) => n + s.selections.length, 0);
  const summary = t(
    'Exported {0} sources, {1} codes, {2} cases and {3} coded selections.',
    sources.length,
    countCodes(codes),
    cases.length,
    selections,
  );
  const messages = gapMessages(exportGaps(project, exported.fromSidecar));
  if (exported.quoteSources.size > 0)
    messages.push(
      t('In the package they are in sources of their own, named "<transcript> (quotes from the sidecar)".'),
    );
  if (exported.unknownConceptCodings > 0)
    messages.push(
      t('{0} codings of concepts missing from the codebook were left out.', exported.unknownConceptCodings),
    );
  return { summary: [summary, ...messages].join(' '), complete: messages.length === 0 };
}

async function writeCodebook(loaded: LoadedProject, uri: vscode.Uri): Promise<string> {
  const codebook = codebookToRefi(loaded.project.codebook);
  await vscode.workspace.fs.writeFile(uri, encodeUtf8(writeCodebookXml(codebook)));
  return t('Exported {0} codes.', countCodes(codebook.codes));
}
