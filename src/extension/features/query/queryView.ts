import * as vscode from 'vscode';
import { findSavedQuery, parseQuery, runQuery, type SavedQuery } from '../../../core/query';
import { deleteSavedQuery, saveQuery } from '../../../core/settings/editSavedQueries';
import { isQueryName } from '../../../core/settings/savedQueries';
import { SETTINGS_FILE } from '../../../core/settings/settings';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import { setContextKey } from '../../shared/host/contextKeys';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';
import { askForQuery, queryRefusal, type QueryRefusal } from './queryInput';
import { passageCount, type Grouping, type ResultsTree } from './resultsTree';
import { editSavedQueries } from './savedQueryFile';

/** The view's rows as it shows them, for scripts and tests: its saved queries, groups and passages. */
export interface QueryViewItems {
  description: string | undefined;
  message: string | undefined;
  saved: { name: string; description: string }[];
  groups: {
    label: string;
    description: string;
    passages: { label: string; description: string; path: string; range: number[] }[];
  }[];
}

/** What running a query did: the view as it shows the result, or why the query was refused. */
export type QueryOutcome = { ok: true; view: QueryViewItems } | { ok: false; error: QueryRefusal } | undefined;

/** The query shown in the Query Results view, run again whenever the project or the coder filter changes. */
export class QueryView implements vscode.Disposable {
  private current: { text: string; name?: string } | undefined;
  private refusal: string | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly host: ProjectHost,
    private readonly filter: CoderFilter,
    private readonly tree: ResultsTree,
    private readonly view: vscode.TreeView<unknown>,
  ) {
    this.listener = vscode.Disposable.from(
      host.onDidChange(() => this.update()),
      filter.onDidChange(() => this.update()),
    );
    setContextKey('qcode.queryGroupedByInformant', false);
    this.update();
  }

  /** Asks for a query (or takes the one given) and shows its passages. */
  async ask(given?: string): Promise<QueryOutcome> {
    const text = given ?? (await askForQuery(() => this.host.current?.project, this.current?.text ?? ''));
    return text === undefined ? undefined : this.run(text);
  }

  /** Runs a saved query by name, or one picked from the saved queries. */
  async runSaved(name?: string): Promise<QueryOutcome> {
    const queries = (await this.loaded())?.project.settings.queries ?? [];
    const chosen = name ?? (await pickSaved(queries, t('Run which saved query?')));
    if (chosen === undefined) return undefined;
    const saved = findSavedQuery(queries, chosen);
    if (!saved) {
      void vscode.window.showWarningMessage(t('No query "{0}" is saved in {1}.', chosen, SETTINGS_FILE));
      return undefined;
    }
    return this.run(saved.text, saved.name);
  }

  async run(text: string, name?: string): Promise<QueryOutcome> {
    const loaded = await this.loaded();
    if (!loaded) return undefined;
    const refusal = queryRefusal(text, loaded.project);
    if (refusal?.severity === 'error') {
      void vscode.window.showErrorMessage(t('The query was not run. {0}', refusal.message));
      return { ok: false, error: refusal };
    }
    this.current = { text: text.trim(), ...(name !== undefined ? { name } : {}) };
    this.update();
    void vscode.commands.executeCommand('qcode.queryResults.focus');
    return { ok: true, view: this.items() };
  }

  /** Saves the query shown (or the one given, or one asked for) under a name given or asked for. */
  async save(request: { name?: string; expression?: string }): Promise<boolean> {
    const loaded = await this.loaded();
    if (!loaded) return false;
    const text = request.expression ?? this.current?.text ?? (await askForQuery(() => this.host.current?.project, ''));
    if (!text) return false;
    const name = request.name ?? (await askForName(loaded.project.settings.queries, text, this.current?.name));
    if (!name) return false;
    const refused = await editSavedQueries(this.host, (file) => saveQuery(file, name, text));
    if (refused) {
      void vscode.window.showErrorMessage(refused);
      return false;
    }
    if (this.current?.text === text.trim()) this.current = { text: this.current.text, name };
    this.update();
    vscode.window.setStatusBarMessage(t('qcode: the query "{0}" is saved in {1}', name, SETTINGS_FILE), 5000);
    return true;
  }

  /** Deletes a saved query by name, or one picked; the notification offers to undo it. */
  async delete(name?: string): Promise<boolean> {
    const queries = (await this.loaded())?.project.settings.queries ?? [];
    const chosen = name ?? (await pickSaved(queries, t('Delete which saved query?')));
    if (chosen === undefined) return false;
    const saved = findSavedQuery(queries, chosen);
    const refused = await editSavedQueries(this.host, (file) => deleteSavedQuery(file ?? '', chosen));
    if (refused) {
      void vscode.window.showErrorMessage(refused);
      return false;
    }
    const undo = t('Undo');
    void vscode.window
      .showInformationMessage(t('The saved query "{0}" was deleted from {1}.', chosen, SETTINGS_FILE), undo)
      .then((answer) => {
        if (answer === undo && saved) void this.save({ name: saved.name, expression: saved.text });
      });
    return true;
  }

  group(grouping: Grouping): QueryViewItems {
    this.tree.grouping = grouping;
    setContextKey('qcode.queryGroupedByInformant', grouping === 'informant');
    this.tree.refresh();
    return this.items();
  }

  /** The rows of the view as it shows them now. */
  items(): QueryViewItems {
    const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
    const description = (item: vscode.TreeItem) => (typeof item.description === 'string' ? item.description : '');
    const rows = this.tree.getChildren();
    const saved = rows.flatMap((row) => (row.kind === 'saved-list' ? this.tree.getChildren(row) : []));
    const groups = rows
      .filter((row) => row.kind === 'group')
      .map((group) => {
        const item = this.tree.getTreeItem(group);
        const passages = this.tree.getChildren(group).map((node) => {
          const passage = this.tree.getTreeItem(node);
          const [uri, range] = (passage.command?.arguments ?? []) as [vscode.Uri, number[]];
          return {
            label: label(passage),
            description: description(passage),
            path: this.host.files.pathOf(uri) ?? '',
            range,
          };
        });
        return { label: label(item), description: description(item), passages };
      });
    const savedItems = saved
      .map((node) => this.tree.getTreeItem(node))
      .map((item) => ({ name: label(item), description: description(item) }));
    return { description: this.view.description, message: this.view.message, saved: savedItems, groups };
  }

  /** Runs the query shown against the project as it is now, as the coder filter shows it. */
  private update(): void {
    const loaded = this.host.current;
    this.tree.shown = undefined;
    this.refusal = undefined;
    const current = this.current && loaded && this.followSaved(this.current, loaded.project.settings.queries);
    if (current && loaded) {
      const refusal = queryRefusal(current.text, loaded.project);
      const parsed = parseQuery(current.text);
      if (refusal?.severity === 'error' || !parsed.expression) this.refusal = refusal?.message;
      else
        this.tree.shown = {
          ...current,
          result: runQuery(parsed.expression, loaded.project, { include: (r) => this.filter.shows(r.annotation) }),
        };
    }
    this.tree.refresh();
    this.describe(loaded?.project.settings.queries ?? []);
  }

  /** A saved query shown is run as qcode.yaml has it now; one deleted is still shown, as its text. */
  private followSaved(
    current: { text: string; name?: string },
    queries: readonly SavedQuery[],
  ): { text: string; name?: string } {
    const saved = current.name === undefined ? undefined : findSavedQuery(queries, current.name);
    this.current = saved ? { text: saved.text, name: saved.name } : { text: current.text };
    return this.current;
  }

  private describe(queries: readonly SavedQuery[]): void {
    const current = this.current;
    const shown = this.tree.shown;
    const query = current && (current.name ? `${current.name}: ${current.text}` : current.text);
    this.view.description =
      query &&
      [query, shown && passageCount(shown.result.passages.length), this.filter.describe()].filter(Boolean).join(' · ');
    this.view.message = this.messageFor(queries);
  }

  private messageFor(queries: readonly SavedQuery[]): string | undefined {
    if (this.refusal) return t('The query cannot be run: {0}', this.refusal);
    const shown = this.tree.shown;
    if (!shown)
      return queries.length > 0 && this.host.current
        ? t('Click a saved query to run it, or ask a new one with Query Passages….')
        : undefined;
    const orphans = shown.result.orphans.length;
    const left =
      orphans > 0
        ? t('{0} orphaned annotations that the query names are left out; the Problems panel lists them.', orphans)
        : '';
    const none = shown.result.passages.length === 0 ? t('No passage answers this query.') : '';
    return [none, left].filter(Boolean).join(' ') || undefined;
  }

  private async loaded() {
    return this.host.current ?? (await this.host.reload());
  }

  dispose(): void {
    this.listener.dispose();
  }
}

async function pickSaved(queries: readonly SavedQuery[], title: string): Promise<string | undefined> {
  if (queries.length === 0) {
    void vscode.window.showInformationMessage(
      t('No queries are saved in {0} yet: run Query Passages…, then Save Query….', SETTINGS_FILE),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    queries.map((q) => ({ label: q.name, description: q.text })),
    { title, matchOnDescription: true },
  );
  return picked?.label;
}

function askForName(
  queries: readonly SavedQuery[],
  text: string,
  suggested: string | undefined,
): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: t('Save Query'),
    prompt: t(
      'A name for "{0}": letters, digits, _ . and -. The command line runs it as qcode query NAME, and chapters list its passages with {{query:NAME}}.',
      text,
    ),
    value: suggested ?? '',
    placeHolder: 'fallskjerm-brukere',
    validateInput: (name) => {
      if (name === '') return undefined;
      if (!isQueryName(name)) return t('Only letters, digits, _ . and - (no spaces), such as fallskjerm-brukere.');
      const existing = findSavedQuery(queries, name);
      return existing
        ? {
            message: t('Replaces the saved query "{0}": {1}', name, existing.text),
            severity: vscode.InputBoxValidationSeverity.Warning,
          }
        : undefined;
    },
  });
}
