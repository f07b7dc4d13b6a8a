import * as vscode from 'vscode';
import type { InformantRegistry } from '../../../core/informants/registry';

const ROLE_COLORS = ['qcode.informantForeground', 'qcode.staffInformantForeground'];

/** Decoration types for informant codes: one per role (the first attribute), one for unregistered codes. */
export class InformantStyles implements vscode.Disposable {
  private readonly byColor = new Map<string, vscode.TextEditorDecorationType>();
  readonly unregistered = vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('qcode.unregisteredInformantForeground'),
    textDecoration: 'underline wavy',
  });

  typeFor(registry: InformantRegistry, code: string): vscode.TextEditorDecorationType {
    const informant = registry.get(code);
    if (!informant) return this.unregistered;
    const roles = this.rolesOf(registry);
    const role = String(Object.values(informant.attributes)[0] ?? '');
    const color = ROLE_COLORS[Math.max(0, roles.indexOf(role)) % ROLE_COLORS.length] as string;
    let type = this.byColor.get(color);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(color), fontWeight: 'bold' });
      this.byColor.set(color, type);
    }
    return type;
  }

  private readonly roles = new WeakMap<InformantRegistry, string[]>();

  /** The distinct values of the informants' first attribute, in registry order. */
  private rolesOf(registry: InformantRegistry): string[] {
    let roles = this.roles.get(registry);
    if (!roles) {
      roles = [...new Set(registry.informants.map((i) => String(Object.values(i.attributes)[0] ?? '')))];
      this.roles.set(registry, roles);
    }
    return roles;
  }

  all(): vscode.TextEditorDecorationType[] {
    return [...this.byColor.values(), this.unregistered];
  }

  dispose(): void {
    for (const type of this.all()) type.dispose();
  }
}
