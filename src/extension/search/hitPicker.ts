import * as vscode from 'vscode';
import { basename } from '../../core/paths';
import type { SearchHit } from '../../core/search/hit';
import { oneLine } from '../../core/text/oneLine';

const LABEL_LENGTH = 120;

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

/** Lets the researcher untick the hits not to tag; all are ticked to begin with. */
export async function pickHits(hits: readonly SearchHit[], title: string): Promise<SearchHit[] | undefined> {
  const items: HitItem[] = hits.map((hit) => ({ hit, label: inContext(hit), description: place(hit), picked: true }));
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDescription: true, ignoreFocusOut: true });
  return picked?.map((item) => item.hit);
}

/** The hit marked with «» in the text around it. */
function inContext(hit: SearchHit): string {
  return oneLine(`${hit.before}«${hit.text}»${hit.after}`, LABEL_LENGTH);
}

function place(hit: SearchHit): string {
  const where = `${basename(hit.transcript)}:${hit.line}`;
  return hit.speaker ? `${where} · ${hit.speaker}` : where;
}
