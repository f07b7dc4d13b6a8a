import * as vscode from 'vscode';
import type { Settings } from '../../../core/settings/settings';
import { t } from '../l10n/displayLanguage';

const OVERRIDABLE = [
  'codebook',
  'informants',
  'transcripts',
  'speakerPattern',
  'informantPattern',
  'citation',
] as const;

/** The qcode.* settings that are set, as overrides of the project's qcode.yaml. */
export function settingsOverrides(): Partial<Settings> {
  const config = vscode.workspace.getConfiguration('qcode');
  const overrides: Partial<Settings> = {};
  for (const key of OVERRIDABLE) {
    const value = config.get<string>(key);
    if (value) overrides[key] = value;
  }
  return overrides;
}

export type DecorationStyle = 'background' | 'underline' | 'border';

export function decorationStyle(): DecorationStyle {
  return vscode.workspace.getConfiguration('qcode').get<DecorationStyle>('decorationStyle') ?? 'background';
}

/** The coder's name from the settings; asks once and remembers it when unset. */
export async function coderName(): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration('qcode');
  const configured = config.get<string>('coder');
  if (configured) return configured;
  const name = await vscode.window.showInputBox({
    title: t('Your coder name'),
    prompt: t('Recorded with every annotation you make, so that a team can tell coders apart.'),
    placeHolder: t('e.g. ingrid'),
    ignoreFocusOut: true,
  });
  if (name?.trim()) await config.update('coder', name.trim(), vscode.ConfigurationTarget.Global);
  return name?.trim() || undefined;
}
