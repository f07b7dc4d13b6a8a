import type { EditResult } from './editResult';
import { setConceptField, type ConceptTextField } from './setConceptField';

/**
 * Sets a concept's definition, a paragraph or several: written on one line when it is one line,
 * else as a literal block (`description: |-`). Empty (or only spaces): the definition is removed.
 */
export function setConceptDefinition(text: string, id: string, definition: string): EditResult {
  return setConceptText(text, id, 'description', definition);
}

/** Sets a concept's definition, inclusion or exclusion criteria, as setConceptDefinition does. */
export function setConceptText(text: string, id: string, field: ConceptTextField, value: string): EditResult {
  const stored = definitionText(value);
  if (stored === '') return setConceptField(text, id, field, undefined);
  if (!stored.includes('\n')) return setConceptField(text, id, field, stored);
  // A text a literal block cannot hold (control characters, say) is written as one quoted line.
  return setConceptField(text, id, field, stored, [{ kind: 'block' }, { kind: 'line' }]);
}

/** A definition as it is stored: line breaks as \n, no white space around it ('' for none). */
export function definitionText(definition: string): string {
  return definition.replace(/\r\n?/g, '\n').trim();
}
