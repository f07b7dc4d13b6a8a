import type { Concept, ConceptPlace } from '../codebook/codebook';
import { message, type Message } from '../messages';
import { problem, type Problem } from '../problems';
import type { ResolvedAnnotation } from './model';
import type { ProjectIndex } from './projectIndex';

type Warn = (at: { line: number; column: number }, code: string, text: Message) => void;

/**
 * What keeps a codebook from being fit to publish, as warnings at the concept's place in the
 * codebook: a concept without a definition; a concept nobody used (once coding has begun: no
 * annotation tagged with it or a concept below it); an anchor example that is no annotation of
 * the project, or one not tagged with its concept (or a concept below it).
 */
export function codebookWarnings(index: ProjectIndex): Problem[] {
  const { codebook, settings } = index.project;
  const examples = [...codebook.places.values()].some((place) => place.examples.length > 0);
  const byId = new Map(examples ? index.all.map((r) => [r.annotation.id, r]) : []);
  const problems: Problem[] = [];
  const warn: Warn = (at, code, text) =>
    problems.push(problem(settings.codebook, at.line, at.column, 'warning', code, text));
  for (const concept of codebook.all()) {
    const place = codebook.places.get(concept.id);
    if (!place) continue;
    const args = { id: concept.id, label: concept.label };
    if (!concept.description?.trim()) {
      warn(
        place,
        'no-definition',
        message(
          'The concept "{id}" ({label}) has no definition. Add "description:" to say what a passage must show to be tagged with it.',
          args,
        ),
      );
    }
    if (index.all.length > 0 && !used(index, concept.id)) {
      warn(
        place,
        'unused-concept',
        message(
          'No annotation is tagged with the concept "{id}" ({label}) or a concept below it. Tag passages with it, or remove it from the codebook.',
          args,
        ),
      );
    }
    checkExamples(concept, place, byId, codebook.subtreeIds(concept.id), warn);
  }
  return problems;
}

/**
 * Whether an annotation is tagged with the concept or a concept below it (without listing them all, as underConcept
 * would).
 */
function used(index: ProjectIndex, id: string): boolean {
  for (const concept of index.project.codebook.subtreeIds(id)) if (index.byConcept(concept).length > 0) return true;
  return false;
}

function checkExamples(
  concept: Concept,
  place: ConceptPlace,
  byId: ReadonlyMap<string, ResolvedAnnotation>,
  subtree: ReadonlySet<string>,
  warn: Warn,
): void {
  for (const example of place.examples) {
    const resolved = byId.get(example.id);
    const args = { id: concept.id, example: example.id };
    if (!resolved) {
      warn(
        example,
        'unknown-example',
        message(
          'The example "{example}" of "{id}" is not the id of an annotation in this project. Correct it, or remove it from the examples.',
          args,
        ),
      );
    } else if (!resolved.annotation.concepts.some((id) => subtree.has(id))) {
      warn(
        example,
        'example-not-tagged',
        message(
          'The example "{example}" of "{id}" is not tagged with "{id}" or a concept below it. Tag the passage with it, or choose another example.',
          args,
        ),
      );
    }
  }
}
