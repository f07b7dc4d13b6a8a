import { addConceptExample } from './editExamples';
import type { EditResult } from './editResult';
import { readBack } from './verifyCodebook';
import { removeConcept } from './removeConcept';

/**
 * Merges a concept into another: it is removed, the concepts below it move under the target, and
 * its anchor examples become the target's (after the target's own, each once), since the passages
 * they name are retagged with the target.
 */
export function mergeConceptInto(text: string, id: string, targetId: string): EditResult {
  const concepts = readBack(text)?.concepts ?? [];
  const examples = concepts.find((c) => c.id === id)?.examples ?? [];
  const kept = new Set(concepts.find((c) => c.id === targetId)?.examples ?? []);
  let result = removeConcept(text, id, targetId);
  for (const example of examples.filter((e) => !kept.has(e))) {
    if (!result.ok) break;
    result = addConceptExample(result.text, targetId, example);
  }
  return result;
}
