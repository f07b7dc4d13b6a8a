// Codebooks and readings of them shared by the codebook edit tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';

export const SAMPLE = readFileSync(join(__dirname, '../../sample-project/codebook.yaml'), 'utf8');
export const AKTIVITETSSENTER =
  'The activity centre as a place where users and staff from several services meet without an appointment.';

/** The sample with a line that re-serialising would change, to tell splicing from it. */
export const SPACED = SAMPLE.replace('concepts:\n', 'concepts:     # the tree\n');

/** A hand-written codebook in a style the yaml library would reformat when re-serialising. */
export const HAND = `# Our codebook
concepts:   # the tree

- id: a        # first
  label: Alpha
  description: |
    Line one
      indented two
  children:
  - id: a.x
    label: "X-ray"
  # about y
  - id: a.y
    label: 'Yankee'
- id: b
  label: Bravo
  color: '#ff0000'

# the end
`;

/** The concept tree as [id, parent, label] rows, asserting that the codebook reads without problems. */
export function tree(yaml: string): [string, string | null, string][] {
  const file = new YamlFile('codebook.yaml', yaml);
  const codebook = readCodebook(file);
  assert.deepEqual(file.problems, []);
  return [...codebook.all()].map((c) => [c.id, c.parentId ?? null, c.label]);
}

export function parentOf(yaml: string, id: string): string | null | undefined {
  return tree(yaml).find(([c]) => c === id)?.[1];
}

/** Lines of `before` missing from `after` and lines of `after` not in `before`, as multisets. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const a = count(before.split('\n'));
  const b = count(after.split('\n'));
  const minus = (x: Map<string, number>, y: Map<string, number>) =>
    [...x].flatMap(([l, n]) => Array<string>(Math.max(0, n - (y.get(l) ?? 0))).fill(l));
  return { removed: minus(a, b), added: minus(b, a) };
}
