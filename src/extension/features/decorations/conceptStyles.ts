import * as vscode from 'vscode';
import type { Codebook } from '../../../core/codebook/codebook';
import { conceptColor } from '../../../core/codebook/conceptColors';
import type { DecorationStyle } from '../../shared/host/configuration';

/**
 * Two decoration types per concept colour, made once and reused (recreating them on every refresh
 * makes the editor flicker): the tint of the passages' text and their marks in the overview ruler,
 * which are painted apart (the tint around the lines in view, the marks for the whole text).
 * Concepts with a colour of their own in the codebook get that colour, their sub-concepts shades of
 * it; the others take a themable palette colour of their own.
 */
export class ConceptStyles implements vscode.Disposable {
  private readonly tints = new Map<string, vscode.TextEditorDecorationType>();
  private readonly rulers = new Map<string, vscode.TextEditorDecorationType>();
  /** The colour key of each concept, per codebook (finding it walks up the concept tree). */
  private readonly keys = new WeakMap<Codebook, Map<string, string>>();

  constructor(private readonly style: DecorationStyle) {}

  tintFor(codebook: Codebook, conceptId: string): vscode.TextEditorDecorationType {
    return typeOf(this.tints, this.colorKey(codebook, conceptId), (key) => this.options(key));
  }

  rulerFor(codebook: Codebook, conceptId: string): vscode.TextEditorDecorationType {
    return typeOf(this.rulers, this.colorKey(codebook, conceptId), (key) => ({
      overviewRulerColor: key.startsWith('#') ? key : new vscode.ThemeColor(key),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
    }));
  }

  allTints(): vscode.TextEditorDecorationType[] {
    return [...this.tints.values()];
  }

  allRulers(): vscode.TextEditorDecorationType[] {
    return [...this.rulers.values()];
  }

  private colorKey(codebook: Codebook, conceptId: string): string {
    let keys = this.keys.get(codebook);
    if (!keys) this.keys.set(codebook, (keys = new Map()));
    let key = keys.get(conceptId);
    if (key === undefined) keys.set(conceptId, (key = colorKey(codebook, conceptId)));
    return key;
  }

  private options(key: string): vscode.DecorationRenderOptions {
    const color = key.startsWith('#') ? translucent(key) : new vscode.ThemeColor(key);
    const base: vscode.DecorationRenderOptions = { rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
    if (this.style === 'underline')
      return { ...base, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: color };
    if (this.style === 'border') return { ...base, border: '1px solid', borderColor: color, borderRadius: '2px' };
    return { ...base, backgroundColor: color };
  }

  dispose(): void {
    for (const type of [...this.tints.values(), ...this.rulers.values()]) type.dispose();
    this.tints.clear();
    this.rulers.clear();
  }
}

function typeOf(
  types: Map<string, vscode.TextEditorDecorationType>,
  key: string,
  options: (key: string) => vscode.DecorationRenderOptions,
): vscode.TextEditorDecorationType {
  let type = types.get(key);
  if (!type) {
    type = vscode.window.createTextEditorDecorationType(options(key));
    types.set(key, type);
  }
  return type;
}

/** The concept's hex colour (its own or a shade of an ancestor's), or the theme colour id of its palette slot. */
export function colorKey(codebook: Codebook, conceptId: string): string {
  const color = conceptColor(codebook, conceptId);
  return 'hex' in color ? color.hex : `qcode.concept${color.slot + 1}Background`;
}

function translucent(hex: string): string {
  return hex.length === 7 ? `${hex}40` : hex;
}
