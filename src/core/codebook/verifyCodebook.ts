import type { Document } from 'yaml';
import { YamlFile } from '../yaml/yamlFile';
import type { Concept } from './codebook';
import { readCodebook } from './readCodebook';

/** What `qcode check` reads from a codebook text: its concepts in file order, and how many errors it has. */
export interface ReadBack {
  concepts: Concept[];
  errors: number;
  /** The document as data, for comparing with what an edit meant. */
  data: unknown;
}

/** The codebook text read as check reads it; undefined when it is not YAML at all. */
export function readBack(text: string): ReadBack | undefined {
  const file = new YamlFile('codebook.yaml', text);
  if (!file.ok) return undefined;
  const concepts = [...readCodebook(file).all()];
  return {
    concepts,
    errors: file.problems.filter((p) => p.severity === 'error').length,
    data: (file.document as Document).toJS(),
  };
}

/** Whether a written text reads as the edited document means, with no error the text before it did not have. */
export function rereadsAs(text: string, intended: Document, errorsBefore: number): boolean {
  const back = readBack(text);
  return back !== undefined && back.errors <= errorsBefore && canonical(back.data) === canonical(intended.toJS());
}

/** JSON with sorted keys, where an empty or missing list of concepts or children is the same. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v).filter(
      ([k, x]) => !((k === 'children' || k === 'concepts') && (x === null || (Array.isArray(x) && x.length === 0))),
    );
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

type Stated = Pick<Concept, 'id' | 'label' | 'description' | 'inclusion' | 'exclusion' | 'guid' | 'parentId'>;

/** A concept as a codebook file states it (label, definition and criteria as read, without surrounding spaces). */
function stated(concept: Stated): string {
  const label = concept.label.trim() || concept.id.trim();
  const texts = [concept.description, concept.inclusion, concept.exclusion].map((text) => text?.trim() || null);
  return JSON.stringify([concept.id.trim(), concept.parentId ?? null, label, ...texts, concept.guid ?? null]);
}

/**
 * Whether a written codebook holds exactly the concepts it held before plus the added ones (each
 * under its parent, with its label, definition, criteria and GUID), with no error it did not have.
 */
export function holdsConcepts(before: string | undefined, written: string, added: readonly Stated[]): boolean {
  const previous = before === undefined || before.trim() === '' ? { concepts: [], errors: 0 } : readBack(before);
  const after = readBack(written);
  if (!previous || !after || after.errors > previous.errors) return false;
  const expected = [...previous.concepts, ...added].map(stated).sort();
  const actual = after.concepts.map(stated).sort();
  return expected.length === actual.length && expected.every((c, i) => c === actual[i]);
}
