import type { ProjectIndex } from '../project/projectIndex';
import type { ResolvedAnnotation } from '../project/model';
import { overlappingPairs } from './overlaps';

export interface MatrixAxisItem {
  id: string;
  label: string;
  depth?: number;
}
export interface PassageRef {
  transcript: string;
  id: string;
}
export interface MatrixCell {
  count: number;
  refs: PassageRef[];
}
export interface Matrix {
  /** 'query': concepts × saved queries (see queryMatrix). */
  kind: 'informant' | 'attribute' | 'cooccurrence' | 'query';
  /** The informant attribute of the columns, for kind 'attribute'. */
  attribute?: string;
  /**
   * Concepts in codebook order; depth for indentation. A concept's row counts the passages of its subtree, each once.
   */
  rows: MatrixAxisItem[];
  /** Informant codes, attribute values, or concepts (co-occurrence). */
  columns: MatrixAxisItem[];
  /** [row][column] */
  cells: MatrixCell[][];
  /** The largest count, for a colour scale. */
  max: number;
}

/** The column of passages that have no informant, or whose informant lacks the attribute or is unregistered. */
export const NONE_COLUMN: MatrixAxisItem = { id: '', label: '(none)' };

// A passage tagged with a concept counts under that concept and every concept above it, once each, as
// the Codebook view counts it: a parent's row holds its own passages and those of its subtree.

// Orphaned annotations count in the informant and attribute matrices under their saved informant:
// they are still coded passages of that informant, only their place in the text is lost.

/** Tagged passages per concept and informant; passages without an informant go to NONE_COLUMN. */
export function conceptByInformant(index: ProjectIndex): Matrix {
  const columns = index.informantCodes().map((code) => ({ id: code, label: code }));
  return byColumn(index, 'informant', columns, (resolved) => resolved.informant ?? '');
}

/** Tagged passages per concept and value of an informant attribute. */
export function conceptByAttribute(index: ProjectIndex, attribute: string): Matrix {
  const valueOf = (resolved: ResolvedAnnotation): string => {
    const value =
      resolved.informant === undefined
        ? undefined
        : index.project.informants.get(resolved.informant)?.attributes[attribute];
    return value === undefined ? '' : String(value);
  };
  const values = new Set(index.project.informants.informants.map((i) => String(i.attributes[attribute] ?? '')));
  const columns = [...values]
    .filter((value) => value !== '')
    .sort(byNaturalOrder)
    .map((value) => ({ id: value, label: value }));
  return { ...byColumn(index, 'attribute', columns, valueOf), attribute };
}

/** The attributes of the registered informants, in the order they first appear in the registry. */
export function attributeNames(index: ProjectIndex): string[] {
  return [...new Set(index.project.informants.informants.flatMap((i) => Object.keys(i.attributes)))];
}

// Orphaned annotations have no place in the text, so they overlap nothing; their own concepts still
// co-occur, since one annotation tagged with both concepts needs no place.

/**
 * Cell [a][b]: pairs of passages that join concepts a and b, each pair once: one annotation tagged
 * with both, or two overlapping annotations of one transcript, one tagged a and the other b; a
 * concept below a counts as a. The diagonal holds the passages of each concept's subtree.
 */
export function conceptCooccurrence(index: ProjectIndex): Matrix {
  const rows = conceptAxis(index);
  const pairs = pairsByConcepts(index, rows);
  const cells = rows.map((row, i) =>
    rows.map((_, j) => (i === j ? cellOf(index.underConcept(row.id)) : pairCell(pairs[i]![j]!))),
  );
  return withMax({ kind: 'cooccurrence', rows, columns: rows, cells });
}

/** For each two concepts [i][j], the pairs of passages that join them, by a key naming the annotations. */
function pairsByConcepts(
  index: ProjectIndex,
  concepts: readonly MatrixAxisItem[],
): Map<string, ResolvedAnnotation[]>[][] {
  const position = new Map(concepts.map((concept, i) => [concept.id, i]));
  const pairs = concepts.map(() => concepts.map(() => new Map<string, ResolvedAnnotation[]>()));
  const countsUnder = conceptsAbove(index);
  const join = (annotations: ResolvedAnnotation[], aTagged: readonly string[], bTagged: readonly string[]): void => {
    const key = annotations.map(keyOf).join(' ');
    const bConcepts = countsUnder(bTagged);
    for (const a of countsUnder(aTagged))
      for (const b of bConcepts) {
        const [i, j] = [position.get(a), position.get(b)];
        if (i === undefined || j === undefined || i === j) continue;
        pairs[i]![j]!.set(key, annotations);
        pairs[j]![i]!.set(key, annotations);
      }
  };
  for (const resolved of index.all) join([resolved], resolved.annotation.concepts, resolved.annotation.concepts);
  for (const transcript of index.project.transcripts) {
    for (const [x, y] of overlappingPairs(transcript.annotations))
      join([x, y], x.annotation.concepts, y.annotation.concepts);
  }
  return pairs;
}

function byColumn(
  index: ProjectIndex,
  kind: Matrix['kind'],
  columns: MatrixAxisItem[],
  columnOf: (resolved: ResolvedAnnotation) => string,
): Matrix {
  const rows = conceptAxis(index);
  const grouped = rows.map((row) => groupBy(index.underConcept(row.id), columnOf));
  const withNone = grouped.some((groups) => groups.has('')) ? [...columns, NONE_COLUMN] : columns;
  const cells = grouped.map((groups) => withNone.map((column) => cellOf(groups.get(column.id) ?? [])));
  return withMax({ kind, rows, columns: withNone, cells });
}

/** The concepts a passage tagged with some concepts counts under: those and every concept above them, each once. */
function conceptsAbove(index: ProjectIndex): (tagged: readonly string[]) => string[] {
  const codebook = index.project.codebook;
  return (tagged) => {
    const found = new Set<string>();
    for (const id of tagged) {
      for (
        let concept = codebook.get(id);
        concept && !found.has(concept.id);
        concept = concept.parentId === undefined ? undefined : codebook.get(concept.parentId)
      )
        found.add(concept.id);
    }
    return [...found];
  };
}

function conceptAxis(index: ProjectIndex): MatrixAxisItem[] {
  return [...index.project.codebook.all()].map((concept) => ({
    id: concept.id,
    label: concept.label,
    depth: concept.depth,
  }));
}

/** The items by key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function cellOf(annotations: readonly ResolvedAnnotation[]): MatrixCell {
  return { count: annotations.length, refs: refsOf(annotations) };
}

/** A cell counting pairs of passages (by key); its refs are the annotations behind them, each once. */
function pairCell(pairs: Map<string, ResolvedAnnotation[]>): MatrixCell {
  return { count: pairs.size, refs: refsOf([...pairs.values()].flat()) };
}

function refsOf(annotations: readonly ResolvedAnnotation[]): PassageRef[] {
  return [
    ...new Map(
      annotations.map((resolved) => [
        keyOf(resolved),
        { transcript: resolved.transcript.path, id: resolved.annotation.id },
      ]),
    ).values(),
  ];
}

function keyOf(resolved: ResolvedAnnotation): string {
  return `${resolved.transcript.path}#${resolved.annotation.id}`;
}

/** The matrix with its largest count. */
export function withMax(matrix: Omit<Matrix, 'max'>): Matrix {
  return { ...matrix, max: Math.max(0, ...matrix.cells.flat().map((cell) => cell.count)) };
}

function byNaturalOrder(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}
