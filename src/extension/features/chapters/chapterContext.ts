import * as vscode from 'vscode';
import { ChapterIndex } from '../../../core/chapters/chapterIndex';
import { chapterPattern } from '../../../core/chapters/chapterPattern';
import { parseReferences, type ChapterReference } from '../../../core/chapters/references';
import type { ResolvedAnnotation } from '../../../core/project/model';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { PassageChoices } from './passageChoices';

/** The loaded project as chapters see it: passages by id, and which documents are chapters. */
export class ChapterContext {
  private readonly indexes = new WeakMap<LoadedProject, ChapterIndex>();
  private readonly choices = new WeakMap<ChapterIndex, PassageChoices>();

  constructor(readonly host: ProjectHost) {}

  /**
   * The index of the project at hand, made once per load; undefined until the whole project has
   * loaded (the transcripts open in editors load first), so that no reference looks broken meanwhile.
   */
  index(): ChapterIndex | undefined {
    const loaded = this.host.atHand;
    if (!loaded?.complete) return undefined;
    let index = this.indexes.get(loaded);
    if (!index) {
      index = new ChapterIndex(loaded.index);
      this.indexes.set(loaded, index);
    }
    return index;
  }

  /** The passages that can be cited, made once per load. */
  passages(): PassageChoices | undefined {
    const index = this.index();
    if (!index) return undefined;
    let choices = this.choices.get(index);
    if (!choices) {
      choices = new PassageChoices(index);
      this.choices.set(index, choices);
    }
    return choices;
  }

  /** The project-relative path of a chapter or a project memo (both cite passages), else undefined. */
  chapterPath(document: vscode.TextDocument): string | undefined {
    const settings = this.host.atHand?.project.settings;
    const path = this.host.files.pathOf(document.uri);
    if (!settings || path === undefined || document.languageId !== 'markdown') return undefined;
    return [settings.chapters, settings.memos].some((pattern) => chapterPattern(pattern).matches(path))
      ? path
      : undefined;
  }

  /** The reference under the cursor in a chapter. */
  referenceAt(document: vscode.TextDocument, position: vscode.Position): ChapterReference | undefined {
    if (this.chapterPath(document) === undefined) return undefined;
    const offset = document.offsetAt(position);
    return parseReferences(document.getText()).find((r) => r.start <= offset && offset <= r.end);
  }

  /** Where a passage is now, as a range of the editor (0-based). */
  passageRange(resolved: ResolvedAnnotation): vscode.Range | undefined {
    if (resolved.resolution.status === 'orphaned') return undefined;
    const { start, end } = resolved.resolution.range;
    return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
  }

  transcriptUri(resolved: ResolvedAnnotation): vscode.Uri {
    return this.host.files.uri(resolved.transcript.path);
  }
}
