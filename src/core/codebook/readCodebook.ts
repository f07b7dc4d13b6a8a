import { isScalar, type Node, type YAMLMap } from 'yaml';
import { YamlFile } from '../yaml/yamlFile';
import { Codebook, type Concept } from './codebook';
import { message } from '../messages';

const CONCEPT_KEYS = ['id', 'label', 'description', 'color', 'guid', 'children'] as const;
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Reads codebook.yaml: `concepts:` a tree of {id, label, description, color, guid, children}. */
export function readCodebook(file: YamlFile): Codebook {
  const root = file.document?.contents;
  if (!file.ok || root === null || root === undefined) return Codebook.empty();
  const map = file.asMap(root, message('The codebook'));
  if (!map) return Codebook.empty();
  const reader = new ConceptReader(file);
  for (const { key, keyNode, value } of file.entries(map, message('the codebook'))) {
    if (key === 'concepts') return new Codebook(reader.list(value, undefined, 0, keyNode));
    file.unknownKey(keyNode, key, message('the codebook'), ['concepts']);
  }
  return Codebook.empty();
}

class ConceptReader {
  private readonly seen = new Map<string, number>();

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
    for (const { key, keyNode, value } of this.file.entries(map, message('a concept'))) {
      if (key === 'children') childrenValue = { value, at: keyNode };
      else if (key === 'id' || key === 'label' || key === 'description' || key === 'color' || key === 'guid') {
        const text = this.file.asString(value, message('The concept\'s {key}', { key }), keyNode);
        if (text !== undefined) concept[key] = text;
      } else this.file.unknownKey(keyNode, key, message('a concept'), CONCEPT_KEYS);
    }
    if (!concept.id) {
      this.file.reportAt(map, 'error', 'missing-key', message('This concept has no id. Add "id: some.stable.name"; annotations refer to concepts by id.'));
      return undefined;
    }
    if (!this.unique(concept.id, map)) return undefined;
    if (!concept.label) concept.label = concept.id;
    if (concept.color !== undefined && !COLOR.test(concept.color)) {
      this.file.reportAt(map, 'warning', 'bad-color', message('The colour "{color}" of "{id}" is not a #rrggbb colour; it is ignored.', { color: concept.color, id: concept.id }));
      delete concept.color;
    }
    if (childrenValue) concept.children = this.list(childrenValue.value, concept.id, depth + 1, childrenValue.at);
    return concept;
  }

  private unique(id: string, map: YAMLMap): boolean {
    const line = this.seen.get(id);
    if (line === undefined) {
      this.seen.set(id, this.file.positionOf(map.range?.[0] ?? 0).line);
      return true;
    }
    this.file.reportAt(map, 'error', 'duplicate-id', message('The concept id "{id}" is already used on line {line}. Concept ids must be unique; rename one.', { id, line }));
    return false;
  }
}
