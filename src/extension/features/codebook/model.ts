import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import { passageCounts } from '../../../core/project/passageCounts';
import type { Annotation } from '../../../core/sidecar/annotation';
import { colorKey } from '../decorations/conceptStyles';
import { exampleQuotes } from './exampleQuotes';
import { colorDot } from './colorDot';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

/** An element of the Codebook view; commands on it (tag with it, rename, ...) read `conceptId`. */
export interface ConceptNode {
  readonly conceptId: string;
}

export const CODEBOOK_MIME = 'application/vnd.code.tree.qcode.codebook';

/** Moves concepts under a parent (undefined: the top level). */
export type MoveConcepts = (ids: string[], parentId: string | undefined) => Promise<void>;

/** The concept tree with passage counts; concepts are dragged onto each other to move them. */
export class CodebookModel
  implements vscode.TreeDataProvider<ConceptNode>, vscode.TreeDragAndDropController<ConceptNode>
{
  readonly dragMimeTypes = [CODEBOOK_MIME];
  readonly dropMimeTypes = [CODEBOOK_MIME];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, ConceptNode>();
  /** The view has asked for the top concepts before any were loaded, and waits for them. */
  private waiting = false;
  /** The passage counts of a whole project, made once for all the rows a refresh shows. */
  private counted: { loaded: LoadedProject; counts: Map<string, number> } | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly move: MoveConcepts,
    private readonly shows: (annotation: Annotation) => boolean,
  ) {}

  /** Asks the view to show the concepts again, unless it is waiting for them anyway. */
  refresh(): void {
    this.counted = undefined;
    if (!this.waiting) this.changed.fire();
  }

  /** The one element object of a concept, so that the view can match elements across refreshes. */
  node(conceptId: string): ConceptNode {
    let node = this.nodes.get(conceptId);
    if (!node) {
      node = { conceptId };
      this.nodes.set(conceptId, node);
    }
    return node;
  }

  /**
   * Asked for the top concepts while nothing has loaded, the answer waits for the codebook: the view
   * shows them the moment it is read, rather than being told to ask again.
   */
  getChildren(node?: ConceptNode): ConceptNode[] | Promise<ConceptNode[]> {
    const codebook = this.host.atHand?.project.codebook;
    if (codebook)
      return (node ? (codebook.get(node.conceptId)?.children ?? []) : codebook.roots).map((c) => this.node(c.id));
    if (node) return [];
    this.waiting = true;
    return this.host.whenAtHand().then((loaded) => {
      this.waiting = false;
      return loaded.project.codebook.roots.map((c) => this.node(c.id));
    });
  }

  getParent(node: ConceptNode): ConceptNode | undefined {
    const parentId = this.host.atHand?.project.codebook.get(node.conceptId)?.parentId;
    return parentId === undefined ? undefined : this.node(parentId);
  }

  getTreeItem(node: ConceptNode): vscode.TreeItem {
    const loaded = this.host.atHand;
    const concept = loaded?.project.codebook.get(node.conceptId);
    if (!loaded || !concept) return new vscode.TreeItem(node.conceptId);
    const state =
      concept.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : concept.depth === 0
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(concept.label, state);
    item.id = concept.id;
    // Counted once the whole project has loaded; until then the view says so in its message.
    const count = loaded.complete ? (this.counts(loaded).get(concept.id) ?? 0) : undefined;
    item.description = count === undefined ? '' : String(count);
    item.tooltip = tooltip(concept, count, exampleQuotes(loaded, concept, this.shows));
    const key = colorKey(loaded.project.codebook, concept.id);
    item.iconPath = key.startsWith('#')
      ? colorDot(key)
      : new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(key));
    item.contextValue = 'concept';
    item.command = { command: 'qcode.showConceptPassages', title: t('Show Passages'), arguments: [node] };
    item.accessibilityInformation = {
      label: count === undefined ? concept.label : t('{0}, {1} tagged passages', concept.label, count),
    };
    return item;
  }

  private counts(loaded: LoadedProject): Map<string, number> {
    if (this.counted?.loaded !== loaded) this.counted = { loaded, counts: passageCounts(loaded.index, this.shows) };
    return this.counted.counts;
  }

  handleDrag(source: readonly ConceptNode[], data: vscode.DataTransfer): void {
    data.set(CODEBOOK_MIME, new vscode.DataTransferItem(source.map((node) => node.conceptId)));
  }

  async handleDrop(target: ConceptNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const ids = draggedIds(data.get(CODEBOOK_MIME)?.value);
    if (ids.length > 0) await this.move(ids, target?.conceptId);
  }
}

/** The definition, the criteria, the anchor examples, what the count counts, then the id that annotations use. */
function tooltip(concept: Concept, count: number | undefined, examples: readonly string[]): vscode.MarkdownString {
  const text = new vscode.MarkdownString();
  text.appendMarkdown('**').appendText(concept.label).appendMarkdown('**\n\n');
  if (concept.description) text.appendText(concept.description).appendMarkdown('\n\n');
  if (concept.inclusion)
    text
      .appendMarkdown(`*${t('Inclusion:')}* `)
      .appendText(concept.inclusion)
      .appendMarkdown('\n\n');
  if (concept.exclusion)
    text
      .appendMarkdown(`*${t('Exclusion:')}* `)
      .appendText(concept.exclusion)
      .appendMarkdown('\n\n');
  if (examples.length > 0) text.appendMarkdown(`*${t('Anchor examples:')}*\n\n`);
  for (const example of examples) text.appendMarkdown('> ').appendText(example).appendMarkdown('\n\n');
  if (count !== undefined) text.appendText(countText(concept, count)).appendMarkdown('\n\n');
  text.appendText(t('id: {0}', concept.id));
  return text;
}

function countText(concept: Concept, count: number): string {
  if (concept.children.length === 0) return t('The count, {0}, is the passages tagged with this concept.', count);
  return t(
    'The count, {0}, is the passages tagged with this concept or a concept under it, each passage once, as in the Analysis matrix.',
    count,
  );
}

/** Concept ids from a drag in this view: our own id list, or the elements themselves. */
function draggedIds(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : [];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object' && typeof (item as ConceptNode).conceptId === 'string')
      return [(item as ConceptNode).conceptId];
    return [];
  });
}
