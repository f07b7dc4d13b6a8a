import type { Codebook } from './codebook';

/** The colours offered for concepts; the first eight are the themable palette slots' defaults, in slot order. */
export const CONCEPT_PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#edc948',
  '#76b7b2',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export const PALETTE_SLOTS = 8;

/** How a concept is coloured in the text: a colour of its own or inherited, or a palette slot (0-based). */
export type ConceptColor = { hex: string } | { slot: number };

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * A concept's colour: its own from the codebook; else its nearest coloured ancestor's, lightened or
 * darkened by one step per level between them, so a sub-concept looks unlike its parent; else a
 * palette slot of its own, taken in codebook order, so a parent and its first child differ.
 */
export function conceptColor(codebook: Codebook, conceptId: string): ConceptColor {
  let levels = 0;
  for (
    let concept = codebook.get(conceptId);
    concept;
    concept = concept.parentId ? codebook.get(concept.parentId) : undefined, levels++
  ) {
    if (concept.color)
      return { hex: levels === 0 || !HEX.test(concept.color) ? concept.color : shade(concept.color, levels) };
  }
  const index = [...codebook.all()].findIndex((c) => c.id === conceptId);
  return { slot: Math.max(0, index) % PALETTE_SLOTS };
}

/** The colour each concept shows, a palette slot counted as its default colour. */
export function colorsInUse(codebook: Codebook): string[] {
  return [...codebook.all()].map((c) => {
    const color = conceptColor(codebook, c.id);
    return 'hex' in color ? color.hex : (CONCEPT_PALETTE[color.slot] as string);
  });
}

/** The palette colour farthest from every colour in use; the first unused one while any is unused. */
export function distinctColor(inUse: readonly string[]): string {
  const used = inUse.filter((c) => HEX.test(c)).map((c) => c.toLowerCase());
  const unused = CONCEPT_PALETTE.find((c) => !used.includes(c));
  if (unused) return unused;
  const nearest = (color: string) => Math.min(...used.map((u) => distance(color, u)));
  const candidates = CONCEPT_PALETTE.flatMap((c) => [1, 2, 3].map((step) => shade(c, step)));
  return candidates.reduce((best, c) => (nearest(c) > nearest(best) ? c : best));
}

/** The colour lightened (odd steps) or darkened (even steps) by a sixth of its range per step. */
export function shade(hex: string, steps: number): string {
  const amount = Math.ceil(steps / 2) / 3;
  const toward = steps % 2 === 1 ? 255 : 0;
  const channels = rgb(hex).map((v) => Math.round(v + (toward - v) * Math.min(amount, 0.9)));
  return `#${channels.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function distance(a: string, b: string): number {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}
