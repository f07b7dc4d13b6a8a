/** Speaker labels at the start of a line of speech: `Kari Nordmann: text`, `I: text`, `Speaker 1: text`. */

export interface Label {
  name: string;
  rest: string;
}

/** At most this many words in a name; a longer "label" is a sentence with a colon in it. */
const MAX_NAME_WORDS = 5;
const LABEL = /^([\p{L}\p{N}][\p{L}\p{N} .'’()_-]{0,48}?)[ \t]*:[ \t]+(?=\S)/u;
const DASH_LABEL = /^([\p{Lu}][\p{L}\p{N}]{0,3})[ \t]+[–—-][ \t]+(?=\S)/u;

/** The `Name:` label a line starts with, if it has one that could be a name. */
export function leadingLabel(line: string): Label | undefined {
  const match = LABEL.exec(line);
  if (!match) return undefined;
  const name = (match[1] as string).trim();
  if (name.split(/\s+/).length > MAX_NAME_WORDS || /^\d+$/.test(name) || /^https?$/i.test(name)) return undefined;
  return { name, rest: line.slice(match[0].length) };
}

/** The short `I –` label (f4, MAXQDA) a line starts with. */
export function dashLabel(line: string): Label | undefined {
  const match = DASH_LABEL.exec(line);
  return match ? { name: match[1] as string, rest: line.slice(match[0].length) } : undefined;
}

/**
 * Labels that are names of speakers: those used at least twice, or any in a file where lines have
 * one of two or more labels: most lines, one of the labels used again (people in a conversation
 * speak more than once), or nearly every line. A single `Note: ...` in running text stays text,
 * and so do a few different ones among paragraphs without.
 */
export function trustedLabels(candidates: readonly (string | undefined)[]): Set<string> {
  const counts = new Map<string, number>();
  for (const name of candidates) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  const labelled = [...counts.values()].reduce((a, b) => a + b, 0);
  const again = [...counts.values()].some((n) => n >= 2);
  const most =
    counts.size >= 2 && labelled * 2 >= candidates.length && (again || labelled * 4 >= candidates.length * 3);
  return new Set([...counts].filter(([, n]) => n >= 2 || most).map(([name]) => name));
}

/** Keeps the `Name:` labels that name speakers (see trustedLabels) and puts the others back into the text. */
export function confirmLabels<T extends { speaker?: string; text: string; withLabel?: string }>(utterances: T[]): T[] {
  const trusted = trustedLabels(utterances.map((u) => (u.withLabel !== undefined ? u.speaker : undefined)));
  return utterances.map(({ withLabel, ...utterance }) => {
    if (withLabel === undefined || trusted.has(utterance.speaker as string)) return utterance as T;
    const unlabelled = { ...utterance, text: withLabel };
    delete unlabelled.speaker;
    return unlabelled as T;
  });
}
