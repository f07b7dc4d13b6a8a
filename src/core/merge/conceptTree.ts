/** Where each concept sits in a merged codebook: its parent (undefined: the top level). */
export type Parents = Map<string, string | undefined>;

interface Placed {
  id: string;
  parent?: string;
}

/**
 * The parent of every concept, made consistent: a concept whose parent is gone goes under the
 * nearest ancestor that is left (looked up in `known`, ours first); moves on both sides that
 * would make a loop are undone, taking ours' place or else the top level.
 */
export function placeConcepts(records: readonly Placed[], known: readonly ReadonlyMap<string, Placed>[]): Parents {
  const ids = new Set(records.map((r) => r.id));
  const parents: Parents = new Map(records.map((r) => [r.id, nearestLeft(r.parent, ids, known)]));
  const ours = known[0];
  const moved = new Set<string>();
  for (let loop = findLoop(parents); loop !== undefined; loop = findLoop(parents)) {
    const oursParent = moved.has(loop) ? undefined : nearestLeft(ours?.get(loop)?.parent, ids, known);
    moved.add(loop);
    parents.set(loop, oursParent !== undefined && !isWithin(parents, oursParent, loop) ? oursParent : undefined);
  }
  return parents;
}

function nearestLeft(
  parent: string | undefined,
  ids: ReadonlySet<string>,
  known: readonly ReadonlyMap<string, Placed>[],
): string | undefined {
  const seen = new Set<string>();
  let at = parent;
  while (at !== undefined && !ids.has(at) && !seen.has(at)) {
    seen.add(at);
    const id = at;
    at = known.map((k) => k.get(id)).find((r) => r !== undefined)?.parent;
  }
  return at !== undefined && ids.has(at) ? at : undefined;
}

/** A concept on a loop of parents, or undefined. */
function findLoop(parents: Parents): string | undefined {
  for (const start of parents.keys()) {
    const path = new Set<string>();
    for (let at: string | undefined = start; at !== undefined; at = parents.get(at)) {
      if (path.has(at)) return at;
      path.add(at);
    }
  }
  return undefined;
}

/** Whether `id` is `ancestor` or below it. */
export function isWithin(parents: Parents, id: string, ancestor: string): boolean {
  return lineage(parents, id).includes(ancestor);
}

/** The concept and its ancestors, nearest first. */
export function lineage(parents: Parents, id: string): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = id; at !== undefined && !chain.includes(at); at = parents.get(at)) chain.push(at);
  return chain;
}

/** The deepest concept that holds both (each counts as holding itself); undefined: the top level. */
export function commonAncestor(parents: Parents, a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return undefined;
  const holdsA = new Set(lineage(parents, a));
  return lineage(parents, b).find((id) => holdsA.has(id));
}

/** The children of each concept (key undefined: the top level), in the order of `order`. */
export function childrenOf(parents: Parents, order: readonly string[]): Map<string | undefined, string[]> {
  const children = new Map<string | undefined, string[]>();
  for (const id of order) {
    if (!parents.has(id)) continue;
    const parent = parents.get(id);
    children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  return children;
}

/**
 * Which concepts to put between conflict markers, given where each is when every conflict is
 * decided for ours and for theirs: a conflicted concept's own item when it sits in the same place
 * in both, else the item that holds both places; 'whole' when only the whole file does.
 */
export function conflictAnchors(
  frame: Parents,
  ours: Parents,
  theirs: Parents,
  conflicted: ReadonlySet<string>,
): string[] | 'whole' {
  const anchors = new Set<string | undefined>();
  for (const id of new Set([...ours.keys(), ...theirs.keys()])) {
    const [inOurs, inTheirs] = [ours.has(id), theirs.has(id)];
    const sideParent = inOurs ? ours.get(id) : theirs.get(id);
    if (inOurs && inTheirs && ours.get(id) !== theirs.get(id))
      anchors.add(commonAncestor(frame, ours.get(id), theirs.get(id)));
    else if (inOurs !== inTheirs && frame.get(id) !== sideParent)
      anchors.add(commonAncestor(frame, frame.get(id), sideParent));
    else if (conflicted.has(id) || inOurs !== inTheirs) anchors.add(id);
  }
  if (anchors.has(undefined)) return 'whole';
  const ids = [...anchors] as string[];
  return ids.filter(
    (id) =>
      !lineage(frame, id)
        .slice(1)
        .some((above) => anchors.has(above)),
  );
}
