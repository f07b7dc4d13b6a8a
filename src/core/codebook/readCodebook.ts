import { isScalar, type Node, type YAMLMap } from 'yaml';
import { YamlFile } from '../yaml/yamlFile';
import { Codebook, type Concept, type ConceptPlace } from './codebook';
import { message } from '../messages';

const CONCEPT_KEYS = [
  'id',
  'label',
  'description',
  'inclusion',
  'exclusion',
  'examples',
  'memo',
  'color',
  'guid',
  'children',
] as const;
const TEXT_KEYS = new Set(['id', 'label', 'description', 'inclusion', 'exclusion', 'memo', 'color', 'guid']);
type TextKey = 'id' | 'label' | 'description' | 'inclusion' | 'exclusion' | 'memo' | 'color' | 'guid';
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * Reads codebook.yaml: `concepts:` a tree of {id, label, description, inclusion, exclusion,
 * examples, color, guid, children}; `examples` is a list of annotation ids.
 */
export function readCodebook(file: YamlFile): Codebook {
  const root = file.document?.contents;
  if (!file.ok || root === null || root === undefined) return Codebook.empty();
  const map = file.asMap(root, message('The codebook'));
  if (!map) return Codebook.empty();
  const reader = new ConceptReader(file);
  for (const { key, keyNode, value } of file.entries(map, message('the codebook'))) {
    if (key === 'concepts') return new Codebook(reader.list(value, undefined, 0, keyNode), reader.places);
    file.unknownKey(keyNode, key, message('the codebook'), ['concepts']);
  }
  return Codebook.empty();
}

class ConceptReader {
  private readonly seen = new Map<string, number>();
  readonly places = new Map<string, ConceptPlace>();

  constructor(private readonly file: YamlFile) {}

  list(value: unknown, parentId: string | undefined, depth: number, at: Node): Concept[] {
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
    const seq = this.file.asSeq(value, 'concepts', at);
    const concepts: Concept[] = [];
    for (const item of seq?.items ?? []) {
      const map = this.file.asMap(item, message('A concept'), seq);
      const concept = map && this.concept(map, parentId, depth);
      if (concept) concepts.push(concept);
    }
    return concepts;
  }

  private concept(map: YAMLMap, parentId: string | undefined, depth: number): Concept | undefined {
    const concept: Concept = { id: '', label: '', depth, children: [], ...(parentId ? { parentId } : {}) };
    let childrenValue: { value: unknown; at: Node } | undefined;
    let examplesValue: { value: unknown; at: Node } | undefined;
    for (const { key, keyNode, value } of this.file.entries(map, message('a concept'))) {
      if (key === 'children') childrenValue = { value, at: keyNode };
      else if (key === 'examples') examplesValue = { value, at: keyNode };
      else if (TEXT_KEYS.has(key)) {
        const text = this.file.asString(value, message("The concept's {key}", { key }), keyNode);
        if (text !== undefined) concept[key as TextKey] = text;
      } else this.file.unknownKey(keyNode, key, message('a concept'), CONCEPT_KEYS);
    }
    if (!concept.id) {
      this.file.reportAt(
        map,
        'error',
        'missing-key',
        message('This concept has no id. Add "id: some.stable.name"; annotations refer to concepts by id.'),
      );
      return undefined;
    }
    if (!this.unique(concept.id, map)) return undefined;
    const examples = examplesValue ? this.examples(examplesValue.value, examplesValue.at, concept.id) : [];
    const place = { ...this.file.positionOf(map.range?.[0] ?? 0), examples };
    this.places.set(concept.id, place);
    if (place.examples.length > 0) concept.examples = place.examples.map((e) => e.id);
    if (!concept.label) concept.label = concept.id;
    if (concept.color !== undefined && !COLOR.test(concept.color)) {
      this.file.reportAt(
        map,
        'warning',
        'bad-color',
        message('The colour "{color}" of "{id}" is not a #rrggbb colour; it is ignored.', {
          color: concept.color,
          id: concept.id,
        }),
      );
      delete concept.color;
    }
    if (childrenValue) concept.children = this.list(childrenValue.value, concept.id, depth + 1, childrenValue.at);
    return concept;
  }

  /** The example ids where they are written; an id listed twice is reported and taken once. */
  private examples(value: unknown, at: Node, conceptId: string): ConceptPlace['examples'] {
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
    const seq = this.file.asSeq(value, message('The examples of "{id}"', { id: conceptId }), at);
    const examples: ConceptPlace['examples'] = [];
    for (const item of seq?.items ?? []) {
      const id = this.file.asString(item, message('An example (an annotation id)'), seq);
      if (id === undefined) continue;
      const place = { id, ...this.file.positionOf((item as Node).range?.[0] ?? 0) };
      const first = examples.find((e) => e.id === id);
      if (!first) examples.push(place);
      else {
        const args = { example: id, id: conceptId, line: first.line };
        this.file.reportAt(
          item as Node,
          'warning',
          'duplicate-example',
          message('The example "{example}" of "{id}" is already listed on line {line}. Remove one.', args),
        );
      }
    }
    return examples;
  }

  private unique(id: string, map: YAMLMap): boolean {
    const line = this.seen.get(id);
    if (line === undefined) {
      this.seen.set(id, this.file.positionOf(map.range?.[0] ?? 0).line);
      return true;
    }
    this.file.reportAt(
      map,
      'error',
      'duplicate-id',
      message('The concept id "{id}" is already used on line {line}. Concept ids must be unique; rename one.', {
        id,
        line,
      }),
    );
    return false;
  }
}
