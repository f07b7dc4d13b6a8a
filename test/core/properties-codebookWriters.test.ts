import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addConcept } from '../../src/core/codebook/addConcept';
import type { EditResult } from '../../src/core/codebook/editResult';
import { moveConcept } from '../../src/core/codebook/moveConcept';
import { removeConcept } from '../../src/core/codebook/removeConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';
import {
  codebookStyleArb,
  conceptTreeArb,
  flattened,
  styledCodebook,
  type TreeConcept,
} from '../helpers/styledCodebook';

const RUNS = runs(300, 20261212);

/** One codebook edit; `at` and `to` pick concepts (`to` past the last one: the top level). */
type Edit =
  | { kind: 'add'; to: number; label: string }
  | { kind: 'rename'; at: number; label: string }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'remove'; at: number; to: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), to: fc.nat(), label: textArb }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), label: textArb }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), to: fc.nat() }),
);

interface Place {
  concept: TreeConcept;
  list: TreeConcept[];
  parent?: TreeConcept;
}

function places(list: TreeConcept[], parent?: TreeConcept): Place[] {
  return list.flatMap((concept) => [
    { concept, list, ...(parent ? { parent } : {}) },
    ...places(concept.children, concept),
  ]);
}

function within(concept: TreeConcept, id: string): boolean {
  return concept.id === id || concept.children.some((c) => within(c, id));
}

const copy = (tree: readonly TreeConcept[]): TreeConcept[] => JSON.parse(JSON.stringify(tree)) as TreeConcept[];
const validLabel = (label: string) => label.trim() !== '' && !/[\r\n]/.test(label.trim());

/** The edit made on a plain tree, as the codebook should read after it; undefined when it must be refused. */
function expected(tree: TreeConcept[], edit: Edit): TreeConcept[] | undefined {
  const all = places(tree);
  const target = (n: number) =>
    all.length === 0 || n % (all.length + 1) === all.length ? undefined : all[n % (all.length + 1)];
  if (edit.kind === 'add') {
    if (!validLabel(edit.label)) return undefined;
    const to = target(edit.to);
    (to ? to.concept.children : tree).push({ id: 'ny.begrep', label: edit.label.trim(), children: [] });
    return tree;
  }
  const at = all[edit.at % Math.max(all.length, 1)];
  if (!at) return undefined;
  if (edit.kind === 'rename') {
    if (!validLabel(edit.label)) return undefined;
    at.concept.label = edit.label.trim();
    return tree;
  }
  const to = target(edit.to);
  if (to && within(at.concept, to.concept.id)) return undefined;
  if (edit.kind === 'move') {
    if (to?.concept === at.parent) return tree;
    at.list.splice(at.list.indexOf(at.concept), 1);
    (to ? to.concept.children : tree).push(at.concept);
    return tree;
  }
  const index = at.list.indexOf(at.concept);
  if (to?.concept === at.parent) at.list.splice(index, 1, ...at.concept.children);
  else {
    at.list.splice(index, 1);
    (to ? to.concept.children : tree).push(...at.concept.children);
  }
  return tree;
}

function apply(text: string, tree: TreeConcept[], edit: Edit): EditResult {
  const all = places(tree);
  const id = (n: number) =>
    all.length === 0 || n % (all.length + 1) === all.length ? undefined : all[n % (all.length + 1)]?.concept.id;
  const at = all[('at' in edit ? edit.at : 0) % Math.max(all.length, 1)]?.concept.id ?? 'none';
  if (edit.kind === 'add') return addConcept(text, id(edit.to), { id: 'ny.begrep', label: edit.label });
  if (edit.kind === 'rename') return renameConcept(text, at, edit.label);
  if (edit.kind === 'move') return moveConcept(text, at, id(edit.to));
  return removeConcept(text, at, id(edit.to));
}

function readConcepts(text: string) {
  const file = new YamlFile('codebook.yaml', text);
  const codebook = readCodebook(file);
  assert.deepEqual(
    file.problems.filter((p) => p.severity === 'error'),
    [],
    `the written codebook has errors:\n${text}`,
  );
  return [...codebook.all()].map((c) => [c.id, c.parentId ?? null, c.label]);
}

describe('property: codebook edits keep codebook.yaml valid, in every style check accepts', () => {
  it('the generated codebooks read back as the generated trees', () => {
    fc.assert(
      fc.property(conceptTreeArb(), codebookStyleArb, (tree, style) => {
        const text = styledCodebook(tree, style);
        assert.deepEqual(readConcepts(text), flattened(tree), text);
      }),
      RUNS,
    );
  });

  it('add, rename, move and remove write a codebook that reads back as the edited tree, or refuse and say why', () => {
    fc.assert(
      fc.property(conceptTreeArb(), codebookStyleArb, editArb, (tree, style, edit) => {
        const text = styledCodebook(tree, style);
        const result = apply(text, tree, edit);
        const want = expected(copy(tree), edit);
        if (!want) {
          assert.ok(!result.ok && result.message.length > 0, `should have been refused:\n${text}`);
          return;
        }
        assert.ok(result.ok, `refused: ${!result.ok && result.message}\n${text}`);
        assert.deepEqual(readConcepts(result.text), flattened(want), `${text}\n--->\n${result.text}`);
      }),
      RUNS,
    );
  });
});
