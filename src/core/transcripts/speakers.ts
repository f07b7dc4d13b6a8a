import type { Utterance } from './model';

/** A speaker found in a transcript, with the other forms of their name and what they said first. */
export interface FoundSpeaker {
  /** The name as it first appears. */
  name: string;
  /** Every form of the name in the file, the first one first (`Maria Hansen Berg`, `Maria`). */
  variants: string[];
  /** Their first words, to recognise them by. */
  firstWords: string;
  /** How many cues or paragraphs they speak in. */
  utterances: number;
}

const FIRST_WORDS = 12;

/**
 * The speakers of a transcript in the order they first speak. A name that is the first word(s)
 * of one longer name found before it (`Maria` after `Maria Hansen Berg`) is taken as that
 * speaker, as is the same name in other letter case.
 */
export function findSpeakers(utterances: readonly Utterance[]): FoundSpeaker[] {
  const speakers: FoundSpeaker[] = [];
  const byName = new Map<string, FoundSpeaker>();
  for (const { speaker, text } of utterances) {
    if (speaker === undefined) continue;
    let found = byName.get(speaker) ?? variantOf(speaker, speakers);
    if (!found) {
      found = { name: speaker, variants: [], firstWords: '', utterances: 0 };
      speakers.push(found);
    }
    if (!found.variants.includes(speaker)) found.variants.push(speaker);
    byName.set(speaker, found);
    found.utterances++;
    if (found.firstWords === '') found.firstWords = firstWords(text);
  }
  return speakers;
}

function variantOf(name: string, speakers: readonly FoundSpeaker[]): FoundSpeaker | undefined {
  const key = name.toLocaleLowerCase();
  const same = speakers.find((s) => s.variants.some((v) => v.toLocaleLowerCase() === key));
  if (same) return same;
  const longer = speakers.filter((s) => s.variants.some((v) => v.toLocaleLowerCase().startsWith(`${key} `)));
  return longer.length === 1 ? longer[0] : undefined;
}

function firstWords(text: string): string {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  return words.slice(0, FIRST_WORDS).join(' ') + (words.length > FIRST_WORDS ? ' …' : '');
}

/** A speaker and the label their turns get in the transcript. */
export interface LabelledSpeaker extends FoundSpeaker {
  label: string;
  /** Whether the label was chosen (`--speaker`, or in the editor), not given as S1, S2 .... */
  mapped: boolean;
}

/**
 * A name without the role or note in parentheses that Zoom and Teams let stand after it: `Kari Nordmann (intervjuer)`,
 * `Ola (Guest)`.
 */
function withoutRole(name: string): string {
  return name.replace(/\s*\([^()]*\)$/u, '');
}

/**
 * Labels for the speakers: the one chosen for any form of their name (`mapping`, by name without
 * regard to case, with or without a role in parentheses after it), else their own name when it is already a label (`I`,
 * `K3`), else S1, S2, ...
 * not used by another speaker.
 */
export function labelSpeakers(
  speakers: readonly FoundSpeaker[],
  mapping: ReadonlyMap<string, string>,
  isLabel: (name: string) => boolean,
): LabelledSpeaker[] {
  const chosen = new Map([...mapping].map(([name, label]) => [name.trim().toLocaleLowerCase(), label.trim()]));
  const labelled = speakers.map((speaker) => {
    const label = speaker.variants
      .flatMap((v) => [v, withoutRole(v)])
      .map((v) => chosen.get(v.toLocaleLowerCase()))
      .find((l) => l !== undefined);
    if (label !== undefined) return { ...speaker, label, mapped: true };
    return { ...speaker, label: isLabel(speaker.name) ? speaker.name : '', mapped: false };
  });
  const used = new Set(labelled.map((s) => s.label));
  let next = 1;
  for (const speaker of labelled) {
    if (speaker.label !== '') continue;
    while (used.has(`S${next}`)) next++;
    speaker.label = `S${next}`;
    used.add(speaker.label);
  }
  return labelled;
}
