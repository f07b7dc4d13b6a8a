import { Document } from 'yaml';
import { addConcept } from '../codebook/addConcept';
import { holdsConcepts } from '../codebook/verifyCodebook';
import type { PlannedConcept } from './planConcepts';

const HEADER =
  '# Codebook: the concepts used to tag passages. Annotations refer to concepts by id,\n# so keep ids stable; labels and descriptions can change freely.\n';

/**
 * codebook.yaml with the planned concepts added (parents come before their children), or why it
 * could not be done. The text is read back as check reads it: it must hold the concepts it held
 * before and every planned one under its parent, or nothing is written.
 */
export function codebookWithConcepts(
  previous: string | undefined,
  concepts: readonly PlannedConcept[],
): { ok: true; text: string } | { ok: false; message: string } {
  const result = withConcepts(previous, concepts);
  if (!result.ok || holdsConcepts(previous, result.text, concepts)) return result;
  return {
    ok: false,
    message:
      'codebook.yaml could not be written so that it reads back with the imported concepts, so it was left as it is. Check it with "qcode check", or write it in block style ("- id: ..." items under "concepts:"), and import again.',
  };
}

function withConcepts(
  previous: string | undefined,
  concepts: readonly PlannedConcept[],
): { ok: true; text: string } | { ok: false; message: string } {
  if (previous === undefined || previous.trim() === '')
    return {
      ok: true,
      text: HEADER + new Document({ concepts: tree(concepts, undefined) }).toString({ lineWidth: 0 }),
    };
  let text = previous;
  for (const { parentId, ...concept } of concepts) {
    const result = addConcept(text, parentId, concept);
    if (!result.ok) return result;
    text = result.text;
  }
  return { ok: true, text };
}

type ConceptNode = Omit<PlannedConcept, 'parentId'> & { children?: ConceptNode[] };

function tree(concepts: readonly PlannedConcept[], parentId: string | undefined): ConceptNode[] {
  return concepts
    .filter((c) => c.parentId === parentId)
    .map(({ parentId: _parent, ...concept }) => {
      const children = tree(concepts, concept.id);
      return children.length > 0 ? { ...concept, children } : concept;
    });
}
