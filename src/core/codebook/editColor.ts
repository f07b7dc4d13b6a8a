import { message } from '../messages';
import { fail, type EditResult } from './editResult';
import { setConceptField } from './setConceptField';

const COLOR_INPUT = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * A colour as codebook.yaml holds it, from what someone typed: "#rrggbb" in lower case ("#rgb" and
 * "rgb" widened to it; "#rrggbbaa" kept); undefined when it is not a hex colour.
 */
export function normalizeColor(input: string): string | undefined {
  const digits = COLOR_INPUT.exec(input.trim())?.[1]?.toLowerCase();
  if (digits === undefined) return undefined;
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

/** Sets a concept's colour (undefined: removes it, so the concept takes an automatic one). */
export function setConceptColor(text: string, id: string, color: string | undefined): EditResult {
  if (color === undefined) return setConceptField(text, id, 'color', undefined);
  const normalized = normalizeColor(color);
  if (normalized === undefined)
    return fail(message('"{color}" is not a colour. Write it as #rrggbb, e.g. #4e79a7.', { color }));
  return setConceptField(text, id, 'color', normalized);
}
