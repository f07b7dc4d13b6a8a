import * as vscode from 'vscode';
import { codebookToRefi, countCodes } from '../../core/refi/exportCodes';
import { packageQdpx } from '../../core/refi/packageQdpx';
import { projectToRefi } from '../../core/refi/projectToRefi';
import { writeCodebookXml } from '../../core/refi/writeXml';
import { encodeUtf8 } from '../../core/text/decode';
import type { LoadedProject, ProjectHost } from '../host/projectHost';

const l10n = vscode.l10n;

type Format = 'qdpx' | 'qdc';

/** "Export REFI-QDA…": the project as a .qdpx, or the codebook as a .qdc, for NVivo, ATLAS.ti, MAXQDA and the others. */
export async function exportRefi(host: ProjectHost, format?: Format, target?: vscode.Uri): Promise<string | undefined> {
  const chosen = format ?? (await pickFormat());
  if (!chosen) return undefined;
  const name = host.files.root.path.split('/').pop() || 'project';
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: l10n.t('Export REFI-QDA'),
    defaultUri: vscode.Uri.joinPath(host.files.root, chosen === 'qdpx' ? `${name}.qdpx` : 'codebook.qdc'),
    filters: chosen === 'qdpx' ? { [l10n.t('REFI-QDA project')]: ['qdpx'] } : { [l10n.t('REFI-QDA codebook')]: ['qdc'] },
  }));
  if (!uri) return undefined;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('Exporting {0}', uri.path.split('/').pop() ?? '') }, async () => {
    const loaded = await host.reload();
    if (!loaded) return undefined;
    const summary = chosen === 'qdpx' ? await writeProject(loaded, name, uri) : await writeCodebook(loaded, uri);
    void vscode.window.showInformationMessage(summary);
    return summary;
  });
}

async function pickFormat(): Promise<Format | undefined> {
  const items = [
    { label: l10n.t('REFI-QDA project (.qdpx)'), detail: l10n.t('Transcripts, codebook, informants and annotations'), format: 'qdpx' as const },
    { label: l10n.t('REFI-QDA codebook (.qdc)'), detail: l10n.t('The concepts only'), format: 'qdc' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: l10n.t('Export REFI-QDA') }))?.format;
}

async function writeProject(loaded: LoadedProject, name: string, uri: vscode.Uri): Promise<string> {
  const exported = projectToRefi(loaded.project, name);
  await vscode.workspace.fs.writeFile(uri, packageQdpx(exported));
  const { sources, cases, codes } = exported.project;
  const selections = sources.reduce((n, s) => n + s.selections.length, 0);
  const summary = l10n.t('Exported {0} sources, {1} codes, {2} cases and {3} coded selections.', sources.length, countCodes(codes), cases.length, selections);
  const leftOut = exported.orphansLeftOut + exported.unknownConceptCodings;
  return leftOut === 0 ? summary : `${summary} ${l10n.t('{0} orphaned annotations and {1} codings of unknown concepts have no place in the export and were left out.', exported.orphansLeftOut, exported.unknownConceptCodings)}`;
}

async function writeCodebook(loaded: LoadedProject, uri: vscode.Uri): Promise<string> {
  const codebook = codebookToRefi(loaded.project.codebook);
  await vscode.workspace.fs.writeFile(uri, encodeUtf8(writeCodebookXml(codebook)));
  return l10n.t('Exported {0} codes.', countCodes(codebook.codes));
}
