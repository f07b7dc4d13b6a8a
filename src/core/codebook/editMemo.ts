import { definitionText } from './editDefinition';
import type { EditResult } from './editResult';
import { setConceptField } from './setConceptField';

/**
 * Sets the memo on a concept, as definitions are written: on one line when it is one line, else
 * as a literal block (`memo: |-`); only the memo's lines change. Empty (or only spaces): removed.
 */
export function setConceptMemo(text: string, id: string, memo: string): EditResult {
  const value = definitionText(memo);
  if (value === '') return setConceptField(text, id, 'memo', undefined);
  return setConceptField(
    text,
    id,
    'memo',
    value,
    value.includes('\n') ? [{ kind: 'block' }, { kind: 'line' }] : [{ kind: 'line' }],
  );
}
