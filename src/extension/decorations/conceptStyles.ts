import * as vscode from 'vscode';
import type { Codebook } from '../../core/codebook/codebook';
import type { DecorationStyle } from '../host/configuration';

export const PALETTE_SIZE = 8;

/**
 * One decoration type per concept colour, made once and reused (recreating them on every refresh
 * makes the editor flicker). Concepts with a colour of their own in the codebook get that colour;
 * the others take a themable palette colour from their top-level concept.
 */
export class ConceptStyles implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();

  constructor(private readonly style: DecorationStyle) {}

  typeFor(codebook: Codebook, conceptId: string): vscode.TextEditorDecorationType {
    const key = colorKey(codebook, conceptId);
    let type = this.types.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType(this.options(key));
      this.types.set(key, type);
    }
    return type;
  }

  all(): vscode.TextEditorDecorationType[] {
    return [...this.types.values()];
  }

  private options(key: string): vscode.DecorationRenderOptions {
    const color = key.startsWith('#') ? translucent(key) : new vscode.ThemeColor(key);
    const ruler = key.startsWith('#') ? key : new vscode.ThemeColor(key);
    const base: vscode.DecorationRenderOptions = { overviewRulerColor: ruler, overviewRulerLane: vscode.OverviewRulerLane.Right, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
    if (this.style === 'underline') return { ...base, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: color };
    if (this.style === 'border') return { ...base, border: '1px solid', borderColor: color, borderRadius: '2px' };
    return { ...base, backgroundColor: color };
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}

/** A codebook colour, or the theme colour id of the palette slot of the concept's top-level ancestor. */
export function colorKey(codebook: Codebook, conceptId: string): string {
  for (let concept = codebook.get(conceptId); concept; concept = concept.parentId ? codebook.get(concept.parentId) : undefined) {
    if (concept.color) return concept.color;
  }
  const root = codebook.pathLabels(conceptId).length > 0 ? rootOf(codebook, conceptId) : undefined;
  const index = root ? Math.max(0, codebook.roots.indexOf(root)) : 0;
  return `qcode.concept${(index % PALETTE_SIZE) + 1}Background`;
}

function rootOf(codebook: Codebook, conceptId: string) {
  let concept = codebook.get(conceptId);
  while (concept?.parentId) concept = codebook.get(concept.parentId);
  return concept;
}

function translucent(hex: string): string {
  return hex.length === 7 ? `${hex}40` : hex;
}
