import * as vscode from 'vscode';
import { readChapters } from '../../../core/chapters/chapterFiles';
import { brokenBy } from '../../../core/chapters/citedBy';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

const LISTED = 5;

/**
 * Before annotations are removed, or a concept is merged or deleted: when chapters cite them,
 * says where and asks whether to go on. True to go on (also when nothing is cited).
 * `withOnlyConcept`: the concept's annotations that have no other concept are removed too.
 */
export async function goOnDespiteCitations(
  host: ProjectHost,
  what: { annotations?: readonly string[]; concept?: string; withOnlyConcept?: boolean },
  action: string,
): Promise<boolean> {
  const loaded = host.atHand;
  if (!loaded) return true;
  const annotations = new Set(what.annotations ?? []);
  if (what.concept !== undefined && what.withOnlyConcept) {
    for (const r of loaded.index.byConcept(what.concept))
      if (r.annotation.concepts.every((c) => c === what.concept)) annotations.add(r.annotation.id);
  }
  const chapters = await readChapters(host.files, loaded.project.settings, []);
  const places = brokenBy({ annotations, concept: what.concept }, chapters);
  if (places.length === 0) return true;
  const listed =
    places
      .slice(0, LISTED)
      .map((p) => `${p.chapter}:${p.line}`)
      .join(', ') + (places.length > LISTED ? ` (+${places.length - LISTED})` : '');
  const answer = await vscode.window.showWarningMessage(
    t('Chapters cite what this takes away: {0}. Those references will no longer render.', listed),
    { modal: true, detail: t('Cite other passages there, or go on and mend the chapters afterwards.') },
    action,
  );
  return answer === action;
}
