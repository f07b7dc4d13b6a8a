import { message, type Message } from '../messages';

/**
 * An id made from a label: lowercase ASCII words joined by hyphens, so a label of several words
 * stays one level; a dot joins it to the parent's id. Never an id already taken.
 */
export function suggestConceptId(
  label: string,
  parentId?: string,
  taken: (id: string) => boolean = () => false,
): string {
  const folded = label
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'concept';
  const base = parentId ? `${parentId}.${slug}` : slug;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Why a concept id is not acceptable, or undefined. */
export function checkId(id: string): Message | undefined {
  if (id === '') return message('A concept needs an id.');
  if (/\s/.test(id))
    return message('The id "{id}" contains spaces. Use letters, digits, hyphens and dots, e.g. "samordning.formell".', {
      id,
    });
  return undefined;
}

/** Why a label is not acceptable, or undefined. */
export function checkLabel(label: string): Message | undefined {
  return label === '' ? message('A concept needs a label.') : checkLine(label, 'label');
}

export function checkLine(value: string | undefined, what: 'label' | 'definition'): Message | undefined {
  if (value === undefined || !/[\r\n]/.test(value)) return undefined;
  return what === 'label'
    ? message('The label must be a single line.')
    : message('The definition must be a single line.');
}
