import fc from 'fast-check';
import { textArb } from './arbitraries';
import { blockScalar, flowScalar, type SidecarStyle } from './styledSidecar';

/** A concept of a generated codebook, as a plain tree. */
export interface TreeConcept {
  id: string;
  label: string;
  description?: string;
  inclusion?: string;
  /** Anchor examples: annotation ids, each once. */
  examples?: string[];
  children: TreeConcept[];
}

/** Ways of writing codebook.yaml that check accepts. */
export interface CodebookStyle {
  /** Block items, {flow} items, a mix of both, one flow list, or the whole file as JSON. */
  layout: 'block' | 'flow-items' | 'mixed' | 'flow-list' | 'json';
  /** Children lists at the column of "children:" (indentless) or two further in. */
  indentless: boolean;
  scalars: SidecarStyle['scalars'];
  comments: boolean;
  markers: boolean;
  crlf: boolean;
}

export const codebookStyleArb: fc.Arbitrary<CodebookStyle> = fc.record({
  layout: fc.constantFrom(
    'block' as const,
    'flow-items' as const,
    'mixed' as const,
    'flow-list' as const,
    'json' as const,
  ),
  indentless: fc.boolean(),
  scalars: fc.constantFrom(
    'qcode' as const,
    'single' as const,
    'double' as const,
    'literal' as const,
    'folded' as const,
    'plain-folded' as const,
    'mixed' as const,
  ),
  comments: fc.boolean(),
  markers: fc.boolean(),
  crlf: fc.boolean(),
});

const ID_BASES = [
  'samordning',
  'koordinator.fallskjerm',
  'yes',
  '1.10',
  'a, b',
  'x: y',
  '#t',
  'æøå',
  'null',
  '007',
  '- d',
];

/** Annotation ids as anchor examples, some that YAML would read as something else unquoted. */
export const EXAMPLE_IDS = ['7f2cq9ma', '49q4zh6q', '1e5', 'yes', 'null', 'a,b', '[x]', '#e'];
const examplesArb = fc.option(fc.uniqueArray(fc.constantFrom(...EXAMPLE_IDS), { minLength: 1, maxLength: 3 }), {
  nil: undefined,
});

/** Up to `max` concepts, each under an earlier one or at the top, with ids unique and labels of any text. */
export const conceptTreeArb = (max = 7): fc.Arbitrary<TreeConcept[]> =>
  fc
    .array(
      fc.record({
        base: fc.constantFrom(...ID_BASES),
        label: textArb,
        description: fc.option(textArb, { nil: undefined }),
        inclusion: fc.option(textArb, { nil: undefined }),
        examples: examplesArb,
        parent: fc.nat(),
      }),
      { maxLength: max },
    )
    .map((specs) => {
      const top: TreeConcept[] = [];
      const all: TreeConcept[] = [];
      specs.forEach((spec, i) => {
        const optional = { description: spec.description, inclusion: spec.inclusion, examples: spec.examples };
        const concept: TreeConcept = {
          id: `${spec.base}${i}`,
          label: spec.label,
          ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
          children: [],
        };
        const parent = spec.parent % (all.length + 1);
        (parent === all.length ? top : (all[parent] as TreeConcept).children).push(concept);
        all.push(concept);
      });
      return top;
    });

function flowConcept(concept: TreeConcept, style: CodebookStyle): string {
  const scalar = (value: string, salt: number) =>
    flowScalar(value, { scalars: style.scalars, list: style.layout === 'json' ? 'json' : 'block' }, salt);
  const key = (name: string) => (style.layout === 'json' ? JSON.stringify(name) : name);
  const fields = [`${key('id')}: ${scalar(concept.id, 0)}`, `${key('label')}: ${scalar(concept.label, 1)}`];
  if (concept.description !== undefined) fields.push(`${key('description')}: ${scalar(concept.description, 2)}`);
  if (concept.inclusion !== undefined) fields.push(`${key('inclusion')}: ${scalar(concept.inclusion, 3)}`);
  if (concept.examples !== undefined)
    fields.push(`${key('examples')}: [${concept.examples.map((id, i) => scalar(id, i)).join(', ')}]`);
  if (concept.children.length > 0)
    fields.push(`${key('children')}: [${concept.children.map((c) => flowConcept(c, style)).join(', ')}]`);
  return `{${fields.join(', ')}}`;
}

function blockConcept(concept: TreeConcept, style: CodebookStyle, dash: number, salt: number): string[] {
  const pad = ' '.repeat(dash + 2);
  const flow = style.layout === 'flow-items' || (style.layout === 'mixed' && salt % 2 === 1);
  if (flow) return [`${' '.repeat(dash)}- ${flowConcept(concept, style)}`];
  const lines = [
    `${' '.repeat(dash)}- id: ${blockScalar(concept.id, { scalars: 'qcode' }, 0, dash + 2)}${style.comments ? '  # stable' : ''}`,
  ];
  lines.push(`${pad}label: ${blockScalar(concept.label, style, salt, dash + 2)}`);
  if (concept.description !== undefined)
    lines.push(`${pad}description: ${blockScalar(concept.description, style, salt + 1, dash + 2)}`);
  if (concept.inclusion !== undefined)
    lines.push(`${pad}inclusion: ${blockScalar(concept.inclusion, style, salt + 2, dash + 2)}`);
  if (concept.examples !== undefined) lines.push(...examplesLines(concept.examples, style, pad, salt));
  if (concept.children.length > 0) {
    lines.push(`${pad}children:`);
    concept.children.forEach((child, i) => {
      if (style.comments) lines.push(`${pad}# child ${i + 1}`);
      lines.push(...blockConcept(child, style, dash + (style.indentless ? 2 : 4), salt + i + 1));
    });
  }
  return lines;
}

/** `examples:` as a one-line flow list, or as a block list (indented or not) with a comment. */
function examplesLines(examples: readonly string[], style: CodebookStyle, pad: string, salt: number): string[] {
  const flow = { scalars: style.scalars, list: 'block' as const };
  if (salt % 2 === 0) return [`${pad}examples: [${examples.map((id, i) => flowScalar(id, flow, i)).join(', ')}]`];
  const itemPad = style.indentless ? pad : `${pad}  `;
  return [
    `${pad}examples:`,
    ...examples.map(
      (id, i) => `${itemPad}- ${flowScalar(id, flow, i)}${style.comments && i === 0 ? '  # anchor' : ''}`,
    ),
  ];
}

/** codebook.yaml holding `concepts`, written in `style`. */
export function styledCodebook(concepts: readonly TreeConcept[], style: CodebookStyle): string {
  const lines = style.markers ? ['---'] : [];
  if (style.comments) lines.push('# Our codebook');
  if (style.layout === 'json') lines.push(`{"concepts": [${concepts.map((c) => flowConcept(c, style)).join(', ')}]}`);
  else if (style.layout === 'flow-list')
    lines.push(`concepts: [${concepts.map((c) => flowConcept(c, style)).join(', ')}]`);
  else if (concepts.length === 0) lines.push('concepts: []');
  else lines.push('concepts:', ...concepts.flatMap((c, i) => blockConcept(c, style, style.indentless ? 0 : 2, i)));
  if (style.comments) lines.push('# the end');
  if (style.markers) lines.push('...');
  const text = `${lines.join('\n')}\n`;
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** The concepts depth first as [id, parent id, label as check reads it], the order of the file. */
export function flattened(
  concepts: readonly TreeConcept[],
  parentId: string | null = null,
): [string, string | null, string][] {
  return concepts.flatMap((c) => [
    [c.id, parentId, c.label === '' ? c.id : c.label] as [string, string | null, string],
    ...flattened(c.children, c.id),
  ]);
}
