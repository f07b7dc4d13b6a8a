import * as vscode from 'vscode';
import type { Concept } from '../../../core/codebook/codebook';
import { CONCEPT_PALETTE } from '../../../core/codebook/conceptColors';
import { normalizeColor } from '../../../core/codebook/editColor';
import { t } from '../../shared/l10n/displayLanguage';
import { colorDot } from './colorDot';

/** A colour of its own for a concept, or `automatic` (none: a shade of its parent's, or a palette colour). */
export type ColorChoice = { color: string } | 'automatic';

/** The palette's colours by name, in palette order. */
function colorNames(): string[] {
  return [
    t('Blue'),
    t('Orange'),
    t('Green'),
    t('Red'),
    t('Purple'),
    t('Yellow'),
    t('Teal'),
    t('Pink'),
    t('Brown'),
    t('Grey'),
  ];
}

interface ColorItem extends vscode.QuickPickItem {
  choice: ColorChoice | 'custom';
}

/** Asks for a colour: the palette's by name with a swatch, Custom… (a hex colour) or Automatic. */
export async function pickColor(concept: Concept): Promise<ColorChoice | undefined> {
  const own = concept.color?.toLowerCase();
  const current = t('current');
  const names = colorNames();
  const named: ColorItem[] = CONCEPT_PALETTE.map((hex, i) => ({
    choice: { color: hex },
    label: names[i] ?? hex,
    description: hex === own ? `${hex} · ${current}` : hex,
    iconPath: colorDot(hex),
  }));
  const custom = own !== undefined && !CONCEPT_PALETTE.includes(own);
  const items: ColorItem[] = [
    ...named,
    { label: '', kind: vscode.QuickPickItemKind.Separator, choice: 'custom' },
    {
      choice: 'custom',
      label: `$(symbol-color) ${t('Custom…')}`,
      description: custom ? `${own} · ${current}` : t('a colour as #rrggbb'),
    },
    {
      choice: 'automatic',
      label: `$(sync) ${t('Automatic')}`,
      description: own === undefined ? current : t("no colour of its own: a shade of its parent's or a palette colour"),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Colour of "{0}"', concept.label),
    placeHolder: t('Pick a colour'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  return picked.choice === 'custom' ? askHex(concept) : picked.choice;
}

async function askHex(concept: Concept): Promise<ColorChoice | undefined> {
  const typed = await vscode.window.showInputBox({
    title: t('Colour of "{0}"', concept.label),
    prompt: t('A colour as #rrggbb (or #rgb), e.g. #4e79a7.'),
    value: concept.color ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => (normalizeColor(value) ? undefined : t('Write a colour as #rrggbb, e.g. #4e79a7.')),
  });
  const color = typed === undefined ? undefined : normalizeColor(typed);
  return color === undefined ? undefined : { color };
}

/** A colour passed to the command by a script or keybinding: a hex colour, or "automatic". */
export function colorArgument(value: string): ColorChoice | undefined {
  if (value.trim().toLowerCase() === 'automatic') return 'automatic';
  const color = normalizeColor(value);
  return color === undefined ? undefined : { color };
}
