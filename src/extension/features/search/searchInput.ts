import * as vscode from 'vscode';
import type { Project } from '../../../core/project/model';
import type { SearchQuery } from '../../../core/search/query';
import { SEARCH_UNITS, type SearchUnit } from '../../../core/search/units';
import { t } from '../../shared/l10n/displayLanguage';

/** What to tag: the matches of a query, or every turn of one informant. */
export type SearchRequest = { query: SearchQuery } | { informant: string };

type Option = 'regex' | 'caseSensitive' | 'wholeWord';

interface OptionButton extends vscode.QuickInputButton {
  option: Option;
}

type Choice = vscode.QuickPickItem & ({ choice: 'search'; unit: SearchUnit } | { choice: 'turns' });

const UNIT_KEY = 'qcode.searchAndTag.unit';

/**
 * Asks for a pattern (with regular expression, case and whole word toggles) and the unit to tag, or
 * for an informant's turns. The unit chosen last comes first the next time.
 */
export async function askForSearch(project: Project, memory: vscode.Memento): Promise<SearchRequest | undefined> {
  const choice = await askForPattern(memory.get<SearchUnit>(UNIT_KEY, 'match'));
  if (!choice) return undefined;
  if (choice !== 'turns') {
    await memory.update(UNIT_KEY, choice.query.unit);
    return choice;
  }
  const informant = await pickSpeaker(project);
  return informant === undefined ? undefined : { informant };
}

function unitChoice(unit: SearchUnit, pattern: string): Choice {
  const labels: Record<SearchUnit, string> = {
    match: t('Find "{0}" and tag the words found', pattern),
    sentence: t('Find "{0}" and tag their sentences', pattern),
    turn: t('Find "{0}" and tag their speaker turns', pattern),
  };
  return { choice: 'search', unit, label: `$(search) ${labels[unit]}`, alwaysShow: true };
}

function askForPattern(
  lastUnit: SearchUnit,
): Promise<{ query: SearchQuery & { unit: SearchUnit } } | 'turns' | undefined> {
  const options: Record<Option, boolean> = { regex: false, caseSensitive: false, wholeWord: false };
  const input = vscode.window.createQuickPick<Choice>();
  input.placeholder = t('Text to find in every transcript');
  input.ignoreFocusOut = true;
  const units = [lastUnit, ...SEARCH_UNITS.filter((unit) => unit !== lastUnit)];
  const refresh = () => {
    input.title = titleWith(options);
    input.buttons = optionButtons(options);
    const turns: Choice = { choice: 'turns', label: `$(person) ${t('Turns of an informant…')}`, alwaysShow: true };
    input.items = input.value ? [...units.map((unit) => unitChoice(unit, input.value)), turns] : [turns];
  };
  refresh();
  return new Promise((resolve) => {
    input.onDidChangeValue(refresh);
    input.onDidTriggerButton((button) => {
      const { option } = button as OptionButton;
      options[option] = !options[option];
      refresh();
    });
    input.onDidAccept(() => {
      const picked = input.activeItems[0];
      if (picked?.choice === 'turns') resolve('turns');
      else if (picked?.choice === 'search') resolve({ query: { pattern: input.value, ...options, unit: picked.unit } });
      input.hide();
    });
    input.onDidHide(() => {
      resolve(undefined);
      input.dispose();
    });
    input.show();
  });
}

function optionButtons(options: Record<Option, boolean>): OptionButton[] {
  const button = (option: Option, icon: string, name: string): OptionButton => ({
    option,
    iconPath: new vscode.ThemeIcon(options[option] ? 'pass-filled' : icon),
    tooltip: options[option] ? t('{0} (on)', name) : t('{0} (off)', name),
  });
  return [
    button('regex', 'regex', t('Use Regular Expression')),
    button('caseSensitive', 'case-sensitive', t('Match Case')),
    button('wholeWord', 'whole-word', t('Match Whole Word')),
  ];
}

function titleWith(options: Record<Option, boolean>): string {
  const on = [
    options.regex ? t('regular expression') : undefined,
    options.caseSensitive ? t('match case') : undefined,
    options.wholeWord ? t('whole word') : undefined,
  ].filter((name): name is string => name !== undefined);
  return on.length > 0 ? t('Search and Tag ({0})', on.join(', ')) : t('Search and Tag');
}

/** Picks one of the speakers that have turns in the transcripts, informants first. */
async function pickSpeaker(project: Project): Promise<string | undefined> {
  const counts = new Map<string, number>();
  for (const turn of project.transcripts.flatMap((t) => t.turns))
    counts.set(turn.speaker, (counts.get(turn.speaker) ?? 0) + 1);
  const registered = (code: string) => project.informants.has(code);
  const speakers = [...counts.keys()].sort(
    (a, b) => Number(registered(b)) - Number(registered(a)) || a.localeCompare(b),
  );
  const items = speakers.map((speaker) => ({
    label: speaker,
    description: t('{0} turn(s)', counts.get(speaker) ?? 0),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Tag the turns of which informant?'),
    ignoreFocusOut: true,
  });
  return picked?.label;
}
