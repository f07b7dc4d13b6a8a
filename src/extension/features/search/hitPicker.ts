import * as vscode from 'vscode';
import { basename } from '../../../core/paths';
import type { SearchHit } from '../../../core/search/hit';
import { oneLine } from '../../../core/text/oneLine';

const LABEL_LENGTH = 120;
const PASSAGE_LENGTH = 200;

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

/** Lets the researcher tick the hits to tag; those `ticked` says are ticked to begin with. */
export async function pickHits(
  hits: readonly SearchHit[],
  title: string,
  ticked: (hit: SearchHit) => boolean,
): Promise<SearchHit[] | undefined> {
  const items: HitItem[] = hits.map((hit) => ({
    hit,
    label: inContext(hit),
    description: place(hit),
    detail: passage(hit),
    picked: ticked(hit),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.map((item) => item.hit);
}

/** What was found, marked with «» in the text around it. */
function inContext(hit: SearchHit): string {
  return oneLine(`${hit.before}«${hit.match}»${hit.after}`, LABEL_LENGTH);
}

/** The passage that will be tagged, when it is more than what was found. */
function passage(hit: SearchHit): string | undefined {
  return hit.text === hit.match ? undefined : oneLine(hit.text, PASSAGE_LENGTH);
}

function place(hit: SearchHit): string {
  const where = `${basename(hit.transcript)}:${hit.line}`;
  return hit.speaker ? `${where} · ${hit.speaker}` : where;
}
