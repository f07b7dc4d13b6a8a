import * as vscode from 'vscode';
import type { ChapterIndex } from '../../../core/chapters/chapterIndex';
import { cite } from '../../../core/chapters/citations';
import type { ConceptReference, QueryReference } from '../../../core/chapters/references';
import { findSavedQuery } from '../../../core/settings/savedQueries';
import { leadingSpeakerLabel, quoteText } from '../../../core/export/quotes';
import type { ResolvedAnnotation } from '../../../core/project/model';
import { t, translate } from '../../shared/l10n/displayLanguage';
import type { ChapterContext } from './chapterContext';
import { escapeMarkdown } from '../../../core/text/markdownEscape';

/**
 * On a {{q:ID}} reference: the full current quote, informant, concepts and memo, with a link that opens the passage; on
 * {{concept:ID}}, the concept.
 */
export class ReferenceHover implements vscode.HoverProvider {
  constructor(private readonly chapters: ChapterContext) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const reference = this.chapters.referenceAt(document, position);
    const index = this.chapters.index();
    if (!reference || !index || reference.kind === 'malformed') return undefined;
    const range = new vscode.Range(document.positionAt(reference.start), document.positionAt(reference.end));
    if (reference.kind === 'concept') return new vscode.Hover(conceptHover(reference, index), range);
    if (reference.kind === 'query') return new vscode.Hover(queryHover(reference, index), range);
    const resolved = index.annotation(reference.id);
    if (!resolved)
      return new vscode.Hover(
        new vscode.MarkdownString().appendText(t('No annotation has the id "{0}".', reference.id)),
        range,
      );
    return new vscode.Hover(this.describe(resolved, index), range);
  }

  private describe(resolved: ResolvedAnnotation, index: ChapterIndex): vscode.MarkdownString {
    const { project } = index;
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: ['qcode.openPassage'] };
    markdown.appendMarkdown(
      escapeMarkdown(quoteText(resolved, leadingSpeakerLabel(project.settings)).replace(/\s*\n\s*/g, ' ')),
    );
    const concepts = resolved.annotation.concepts.map((id) => project.codebook.get(id)?.label ?? id).join(', ');
    markdown.appendMarkdown(
      `\n\n${escapeMarkdown([resolved.informant, concepts, resolved.annotation.coder].filter((part) => !!part).join(' · '))}`,
    );
    if (resolved.annotation.memo) markdown.appendMarkdown(`\n\n$(note) ${escapeMarkdown(resolved.annotation.memo)}`);
    const range = this.chapters.passageRange(resolved);
    if (range) {
      const args = encodeURIComponent(
        JSON.stringify([
          this.chapters.transcriptUri(resolved),
          [range.start.line, range.start.character, range.end.line, range.end.character],
        ]),
      );
      markdown.appendMarkdown(
        `\n\n[$(go-to-file) ${t('Open the passage in {0}', resolved.transcript.path.split('/').pop() ?? '')}](command:qcode.openPassage?${args})`,
      );
    } else
      markdown.appendMarkdown(
        `\n\n${escapeMarkdown(t('The passage is no longer in {0}: the annotation is orphaned.', resolved.transcript.path))}`,
      );
    return markdown;
  }
}

/** A concept list: the concept, its definition, and how many passages the chapter shows now. */
function conceptHover(reference: ConceptReference, index: ChapterIndex): vscode.MarkdownString {
  const concept = index.project.codebook.get(reference.id);
  const markdown = new vscode.MarkdownString(undefined, true);
  if (!concept)
    return markdown.appendMarkdown(escapeMarkdown(t('The concept "{0}" is not in the codebook.', reference.id)));
  markdown.appendMarkdown(
    `$(tag) **${escapeMarkdown(concept.label)}**${concept.description ? ` — ${escapeMarkdown(concept.description)}` : ''}\n\n`,
  );
  const citation = cite(reference, index);
  if ('quotes' in citation)
    markdown.appendMarkdown(escapeMarkdown(t('{0} passage(s) listed here now', citation.quotes.length)));
  return markdown;
}

/** A saved query's list: the query as written, and how many passages the chapter shows now. */
function queryHover(reference: QueryReference, index: ChapterIndex): vscode.MarkdownString {
  const saved = findSavedQuery(index.project.settings.queries, reference.name);
  const markdown = new vscode.MarkdownString(undefined, true);
  if (!saved)
    return markdown.appendMarkdown(escapeMarkdown(t('No query is saved as "{0}" in qcode.yaml.', reference.name)));
  markdown.appendMarkdown(`$(search) **${escapeMarkdown(saved.name)}**: ${escapeMarkdown(saved.text)}\n\n`);
  const citation = cite(reference, index);
  markdown.appendMarkdown(
    escapeMarkdown(
      'quotes' in citation
        ? t('{0} passage(s) listed here now', citation.quotes.length)
        : translate(citation.trouble.text),
    ),
  );
  return markdown;
}

/** Text from the project shown as written in a hover: no Markdown, HTML, links or icons. */
