import type { EditResult } from './editResult';
import { setConceptField } from './setConceptField';

/**
 * Sets a concept's definition, a paragraph or several: written on one line when it is one line,
 * else as a literal block (`description: |-`). Empty (or only spaces): the definition is removed.
 */
export function setConceptDefinition(text: string, id: string, definition: string): EditResult {
  const value = definitionText(definition);
  if (value === '') return setConceptField(text, id, 'description', undefined);
  if (!value.includes('\n')) return setConceptField(text, id, 'description', value);
  // A text a literal block cannot hold (control characters, say) is written as one quoted line.
  return setConceptField(text, id, 'description', value, [{ kind: 'block' }, { kind: 'line' }]);
}

/** A definition as it is stored: line breaks as \n, no white space around it ('' for none). */
export function definitionText(definition: string): string {
  return definition.replace(/\r\n?/g, '\n').trim();
}
