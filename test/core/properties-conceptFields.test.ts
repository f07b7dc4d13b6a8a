import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { normalizeColor, setConceptColor } from '../../src/core/codebook/editColor';
import { setConceptDefinition, setConceptText } from '../../src/core/codebook/editDefinition';
import { addConceptExample, removeConceptExample } from '../../src/core/codebook/editExamples';
import type { EditResult } from '../../src/core/codebook/editResult';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';
import { codebookStyleArb, conceptTreeArb, EXAMPLE_IDS, styledCodebook } from '../helpers/styledCodebook';

const RUNS = runs(300, 20261202);

type FieldEdit =
  | { key: 'description' | 'inclusion' | 'exclusion'; at: number; value: string }
  | { key: 'color'; at: number; value: string | undefined }
  | { key: 'examples'; at: number; add?: string; remove?: number };

const paragraphsArb = fc.oneof(
  textArb,
  fc.array(textArb, { maxLength: 3 }).map((p) => p.join('\n\n')),
);
const fieldEditArb: fc.Arbitrary<FieldEdit> = fc.oneof(
  fc.record({
    key: fc.constantFrom('description' as const, 'inclusion' as const, 'exclusion' as const),
    at: fc.nat(),
    value: paragraphsArb,
  }),
  fc.record({
    key: fc.constant('color' as const),
    at: fc.nat(),
    value: fc.option(fc.constantFrom('#4e79a7', '#ABC', '#00ff0080', '#F28E2B'), { nil: undefined }),
  }),
  fc.record({ key: fc.constant('examples' as const), at: fc.nat(), add: fc.constantFrom(...EXAMPLE_IDS, 'n3wid000') }),
  fc.record({ key: fc.constant('examples' as const), at: fc.nat(), remove: fc.nat() }),
);

/** The example an edit adds or removes, given the concept's examples as they are. */
function exampleOf(edit: Extract<FieldEdit, { key: 'examples' }>, current: readonly string[]): string | undefined {
  return edit.add ?? current[(edit.remove ?? 0) % Math.max(current.length, 1)];
}

function apply(text: string, id: string, edit: FieldEdit, current: Record<string, unknown>): EditResult {
  if (edit.key === 'color') return setConceptColor(text, id, edit.value);
  if (edit.key === 'description') return setConceptDefinition(text, id, edit.value);
  if (edit.key !== 'examples') return setConceptText(text, id, edit.key, edit.value);
  const example = exampleOf(edit, examplesIn(current)) ?? 'ingen';
  return edit.add !== undefined ? addConceptExample(text, id, example) : removeConceptExample(text, id, example);
}

/**
 * What the field should hold after the edit; undefined: absent; 'refused' when the edit must be
 * refused (an example added twice, or removed from a concept without examples).
 */
function intended(edit: FieldEdit, current: Record<string, unknown>): unknown {
  if (edit.key === 'color') return edit.value === undefined ? undefined : normalizeColor(edit.value);
  if (edit.key !== 'examples') return edit.value.replace(/\r\n?/g, '\n').trim() || undefined;
  const examples = examplesIn(current);
  const example = exampleOf(edit, examples);
  if (example === undefined || (edit.add !== undefined) === examples.includes(example)) return 'refused';
  const next = edit.add !== undefined ? [...examples, example] : examples.filter((x) => x !== example);
  return next.length > 0 ? next : undefined;
}

function examplesIn(data: Record<string, unknown>): string[] {
  return Array.isArray(data.examples) ? data.examples.map(String) : [];
}

/** The concept maps of a codebook, depth first in file order. */
function conceptMaps(text: string): YAMLMap[] {
  const doc = parseDocument(text);
  const walk = (list: unknown): YAMLMap[] =>
    isSeq(list) ? list.items.filter(isMap).flatMap((m) => [m, ...walk(m.get('children', true))]) : [];
  return isMap(doc.contents) ? walk(doc.contents.get('concepts', true)) : [];
}

/** Every concept as plain data, depth first, children left out (they are compared as concepts of their own). */
function conceptData(text: string): Record<string, unknown>[] {
  return conceptMaps(text).map((map) => {
    const fields = map.toJSON() as Record<string, unknown>;
    delete fields.children;
    return fields;
  });
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

describe("property: setting a concept's definition, criteria, examples or colour changes only that field", () => {
  it('reads back with that field of that concept changed and everything else as it was', () => {
    fc.assert(
      fc.property(conceptTreeArb(), codebookStyleArb, fieldEditArb, (tree, style, edit) => {
        const text = styledCodebook(tree, style);
        const maps = conceptMaps(text);
        fc.pre(maps.length > 0);
        const index = edit.at % maps.length;
        const id = readAllIds(text)[index] as string;
        const want = conceptData(text);
        const changed = want[index] as Record<string, unknown>;
        const result = apply(text, id, edit, changed);
        const value = intended(edit, changed);
        if (value === 'refused') {
          assert.ok(!result.ok && result.message.length > 0, `should have been refused:\n${text}`);
          return;
        }
        assert.ok(result.ok, `refused: ${!result.ok && result.message}\n${text}`);
        if (value === undefined) delete changed[edit.key];
        else changed[edit.key] = value;
        assert.deepEqual(conceptData(result.text), want, `${text}\n--->\n${result.text}`);
        const file = new YamlFile('codebook.yaml', result.text);
        readCodebook(file);
        assert.deepEqual(
          file.problems.filter((p) => p.severity === 'error'),
          [],
          result.text,
        );
      }),
      RUNS,
    );
  });

  it("in a block codebook, changes no line outside that concept's own fields", () => {
    fc.assert(
      fc.property(conceptTreeArb(), codebookStyleArb, fieldEditArb, (tree, style, edit) => {
        const text = styledCodebook(tree, { ...style, layout: 'block' });
        const maps = conceptMaps(text);
        fc.pre(maps.length > 0);
        const index = edit.at % maps.length;
        const map = maps[index] as YAMLMap;
        const current = conceptData(text)[index] as Record<string, unknown>;
        const result = apply(text, readAllIds(text)[index] as string, edit, current);
        if (intended(edit, current) === 'refused') return;
        assert.ok(result.ok, `refused: ${!result.ok && result.message}\n${text}`);
        const before = text.split('\n');
        const after = result.text.split('\n');
        let head = 0;
        while (head < before.length && before[head] === after[head]) head++;
        let tail = 0;
        while (
          tail < before.length - head &&
          tail < after.length - head &&
          before[before.length - 1 - tail] === after[after.length - 1 - tail]
        )
          tail++;
        if (head === before.length && before.length === after.length) return;
        const children = map.items.find((p) => (p.key as { value?: unknown }).value === 'children');
        const range = map.range as [number, number, number];
        const ownEnd = children
          ? lineOf(text, (children.key as { range: [number, number] }).range[0])
          : lineOf(text, range[1] - 1) + 1;
        assert.ok(head >= lineOf(text, range[0]), `changed above the concept:\n${text}\n--->\n${result.text}`);
        assert.ok(before.length - tail <= ownEnd, `changed below the concept's fields:\n${text}\n--->\n${result.text}`);
      }),
      RUNS,
    );
  });
});

/** The ids as check reads them, in the order of conceptMaps. */
function readAllIds(text: string): string[] {
  return [...readCodebook(new YamlFile('codebook.yaml', text)).all()].map((c) => c.id);
}
