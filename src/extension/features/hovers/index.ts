import * as vscode from 'vscode';
import { informantMentionRegExp } from '../../../core/settings/settings';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts, Passage } from '../../shared/liveEdits/liveTranscripts';
import { t } from '../../shared/l10n/displayLanguage';
import { conceptHoverText } from './conceptHover';
import { escapeMarkdown } from '../../../core/text/markdownEscape';

/**
 * Hovers on informant codes (attributes, number of quotes) and on annotated passages (concepts, memo, coder, actions).
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost, live: LiveTranscripts): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { scheme: '*' },
      {
        provideHover(document, position) {
          const loaded = host.atHand;
          const transcript = host.transcriptOf(document.uri);
          if (!loaded || !transcript) return undefined;
          const contents = [
            informantHover(document, position, loaded),
            ...live.at(document, position).map((p) => passageHover(p, transcript.path, loaded)),
          ].filter((m): m is vscode.MarkdownString => !!m);
          return contents.length > 0 ? new vscode.Hover(contents) : undefined;
        },
      },
    ),
  );
}

function informantHover(
  document: vscode.TextDocument,
  position: vscode.Position,
  loaded: LoadedProject,
): vscode.MarkdownString | undefined {
  const line = document.lineAt(position.line).text;
  const match = [...line.matchAll(informantMentionRegExp(loaded.project.settings))].find(
    (m) => m.index <= position.character && position.character <= m.index + m[0].length,
  );
  if (!match) return undefined;
  const code = match[0];
  const informant = loaded.project.informants.get(code);
  const markdown = new vscode.MarkdownString();
  if (!informant) {
    markdown.appendMarkdown(
      t('**{0}** is not in the informant registry ({1}).', code, loaded.project.settings.informants),
    );
    return markdown;
  }
  markdown.appendMarkdown(`**${code}**\n\n`);
  for (const [key, value] of Object.entries(informant.attributes))
    markdown.appendMarkdown(`- ${escapeMarkdown(key)}: ${escapeMarkdown(String(value))}\n`);
  markdown.appendMarkdown(`\n${t('{0} tagged passage(s)', loaded.index.byInformant(code).length)}`);
  return markdown;
}

function passageHover(passage: Passage, transcriptPath: string, loaded: LoadedProject): vscode.MarkdownString {
  const { annotation } = passage;
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = {
    enabledCommands: [
      'qcode.changeConcepts',
      'qcode.removeAnnotation',
      'qcode.editMemo',
      'qcode.toggleKeyQuote',
      'qcode.findCitations',
    ],
  };
  if (annotation.key) markdown.appendMarkdown(`$(star-full) **${t('Key quote')}**\n\n`);
  for (const id of annotation.concepts) {
    const concept = loaded.project.codebook.get(id);
    markdown.appendMarkdown(conceptHoverText(concept, id, annotation.id));
  }
  if (annotation.memo) markdown.appendMarkdown(`$(note) ${escapeMarkdown(annotation.memo)}\n\n`);
  const who = [
    annotation.informant,
    annotation.coder && t('coded by {0}', annotation.coder),
    passage.status !== 'exact' ? passage.status : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  if (who) markdown.appendMarkdown(`${escapeMarkdown(who)}\n\n`);
  const args = encodeURIComponent(JSON.stringify([{ transcript: transcriptPath, id: annotation.id }]));
  const key = annotation.key ? t('Unmark key quote') : t('Mark as key quote');
  markdown.appendMarkdown(
    `[${t('Change concepts')}](command:qcode.changeConcepts?${args}) · [${t('Edit memo')}](command:qcode.editMemo?${args}) · [${key}](command:qcode.toggleKeyQuote?${args}) · [${t('Remove')}](command:qcode.removeAnnotation?${args}) · [${t('Chapters citing it')}](command:qcode.findCitations?${args})`,
  );
  return markdown;
}
