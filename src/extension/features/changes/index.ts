import * as vscode from 'vscode';
import { readMemos } from '../../../core/chapters/chapterFiles';
import { diffMarkdown } from '../../../core/diff/diffMarkdown';
import { diffProjectMemos } from '../../../core/diff/diffMemos';
import { diffProjects } from '../../../core/diff/diffProjects';
import { loadProject } from '../../../core/project/loadProject';
import { settingsOverrides } from '../../shared/host/configuration';
import type { ProjectHost } from '../../shared/host/projectHost';
import type { ReportDocuments } from '../../shared/reports/reportDocuments';
import { RefType, refsOf, repositoryOf, type Repository } from './gitApi';
import { GitReadError, GitRefFiles } from './gitRefFiles';
import { t, translate } from '../../shared/l10n/displayLanguage';

/** "Show Changes Since…": what the coding changed since a branch, tag or commit, as `qcode diff` reports it. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, reports: ReportDocuments): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.showChangesSince', async (ref?: unknown) => {
      const repository = await repositoryOf(host.files.root);
      if (!repository) {
        void vscode.window.showWarningMessage(
          t('Show Changes Since needs the project to be in a git repository, with git available.'),
        );
        return undefined;
      }
      const base = typeof ref === 'string' ? ref : await pickRef(repository);
      if (!base) return undefined;
      const compare = () => showChanges(host, reports, repository, base);
      return vscode.window
        .withProgress(
          { location: vscode.ProgressLocation.Window, title: t('qcode: comparing with {0}', base) },
          compare,
        )
        .then(undefined, (error: unknown) => {
          if (!(error instanceof GitReadError)) throw error;
          void vscode.window.showErrorMessage(error.message);
          return undefined;
        });
    }),
  );
}

async function showChanges(
  host: ProjectHost,
  reports: ReportDocuments,
  repository: Repository,
  ref: string,
): Promise<string | undefined> {
  // A report of what is on disk now: every file is read again, not only those a file event has named yet.
  const head = await host.refresh();
  if (!head) return undefined;
  const baseFiles = await GitRefFiles.at(repository, ref, host.files);
  const baseProject = await loadProject(baseFiles, settingsOverrides());
  const changes = diffProjects(baseProject, head.project);
  changes.memos.project = diffProjectMemos(
    await readMemos(baseFiles, baseProject.settings, []),
    await readMemos(host.files, head.project.settings, []),
  );
  const markdown = `# ${t('Coding changes since {0}', ref)}\n\n${diffMarkdown(changes, translate)}`;
  await reports.show(`changes-since-${ref.replace(/[^\w.-]+/g, '-')}.md`, markdown);
  return markdown;
}

async function pickRef(repository: Repository): Promise<string | undefined> {
  const icons = { [RefType.Head]: '$(git-branch)', [RefType.Tag]: '$(tag)', [RefType.RemoteHead]: '$(cloud)' };
  const items = (await refsOf(repository)).map((r) => ({
    label: `${icons[r.type]} ${r.name}`,
    description: r.commit?.slice(0, 8),
    ref: r.name ?? '',
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Show coding changes since'),
    placeHolder: t('A branch, tag or remote branch to compare the working tree with'),
  });
  return picked?.ref;
}
