import * as vscode from 'vscode';
import type { Codebook } from '../../../core/codebook/codebook';
import { conceptColor } from '../../../core/codebook/conceptColors';
import type { DecorationStyle } from '../../shared/host/configuration';

/**
 * One decoration type per concept colour, made once and reused (recreating them on every refresh
 * makes the editor flicker). Concepts with a colour of their own in the codebook get that colour,
 * their sub-concepts shades of it; the others take a themable palette colour of their own.
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
    const base: vscode.DecorationRenderOptions = {
      overviewRulerColor: ruler,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    };
    if (this.style === 'underline')
      return { ...base, borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: color };
    if (this.style === 'border') return { ...base, border: '1px solid', borderColor: color, borderRadius: '2px' };
    return { ...base, backgroundColor: color };
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}

/** The concept's hex colour (its own or a shade of an ancestor's), or the theme colour id of its palette slot. */
export function colorKey(codebook: Codebook, conceptId: string): string {
  const color = conceptColor(codebook, conceptId);
  return 'hex' in color ? color.hex : `qcode.concept${color.slot + 1}Background`;
}

function translucent(hex: string): string {
  return hex.length === 7 ? `${hex}40` : hex;
}
