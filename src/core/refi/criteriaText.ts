import type { Concept } from '../codebook/codebook';

/**
 * REFI-QDA codes have one Description. A concept's criteria go there after its definition, each a
 * paragraph that starts with its label, as codebooks in other tools write them:
 *
 *     <definition>
 *
 *     Inclusion: <inclusion criteria>
 *
 *     Exclusion: <exclusion criteria>
 *
 * Importing reads such paragraphs back into the concept's inclusion and exclusion.
 */
export type Criteria = Pick<Concept, 'description' | 'inclusion' | 'exclusion'>;

const LABELS: Readonly<Record<'inclusion' | 'exclusion', string>> = { inclusion: 'Inclusion', exclusion: 'Exclusion' };

/** A paragraph that starts a criterion: its label (English or Norwegian, "criteria" optional), a colon. */
const CRITERION_START =
  /^(inclusion|inklusjon|exclusion|eksklusjon)(?:(?:[ -]|s)?(?:criteria|criterion|kriteri(?:um|er|ene)))?[ \t]*:[ \t]*/i;

/** The Description of a concept's code; undefined when it has neither definition nor criteria. */
export function describeWithCriteria(concept: Criteria): string | undefined {
  const parts = [concept.description?.trim()];
  for (const field of ['inclusion', 'exclusion'] as const) {
    const text = concept[field]?.trim();
    if (text) parts.push(`${LABELS[field]}: ${text}`);
  }
  const text = parts.filter((part) => part !== undefined && part !== '').join('\n\n');
  return text === '' ? undefined : text;
}

/** A Description split into the definition and the criteria its labelled paragraphs state. */
export function criteriaOf(description: string): Criteria {
  const found: Record<'description' | 'inclusion' | 'exclusion', string[]> = {
    description: [],
    inclusion: [],
    exclusion: [],
  };
  let field: keyof typeof found = 'description';
  for (const paragraph of description.split(/\n[ \t]*\n/)) {
    const start = CRITERION_START.exec(paragraph);
    if (start) field = /^in/i.test(start[1] as string) ? 'inclusion' : 'exclusion';
    found[field].push(start ? paragraph.slice(start[0].length) : paragraph);
  }
  const criteria: Criteria = {};
  for (const key of ['description', 'inclusion', 'exclusion'] as const) {
    const text = found[key].join('\n\n').trim();
    if (text !== '') criteria[key] = text;
  }
  return criteria;
}
