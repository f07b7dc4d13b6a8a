import { isNorwegian } from '../export/language';

/** The words a codebook appendix writes itself, in the project's language. */
export interface AppendixWording {
  title: string;
  inclusion: string;
  exclusion: string;
  examples: string;
  passages: string;
  /** The group of passages whose informant lacks the attribute, or has none. */
  none: string;
  /** What the counts count: {attribute} names the informant attribute of the groups, when there is one. */
  countsNote: (attribute: string | undefined) => string;
  /** The sentence under the title: how many concepts, and how many coded passages (when counted). */
  summary: (concepts: number, passages: number | undefined) => string;
}

const NORWEGIAN: AppendixWording = {
  title: 'Kodebok',
  inclusion: 'Inklusjon',
  exclusion: 'Eksklusjon',
  examples: 'Ankereksempler',
  passages: 'Kodede utdrag',
  none: 'ukjent',
  countsNote: (attribute) =>
    `Tallene er kodede utdrag med begrepet eller et begrep under det, hvert utdrag én gang${attribute ? `, fordelt etter informantens ${attribute}` : ''}.`,
  summary: (concepts, passages) =>
    `${concepts} ${concepts === 1 ? 'begrep' : 'begreper'}${passages === undefined ? '' : `, ${passages} kodede utdrag`}.`,
};

const ENGLISH: AppendixWording = {
  title: 'Codebook',
  inclusion: 'Inclusion',
  exclusion: 'Exclusion',
  examples: 'Anchor examples',
  passages: 'Coded passages',
  none: 'unknown',
  countsNote: (attribute) =>
    `The counts are coded passages of the concept or a concept below it, each passage once${attribute ? `, by the informant's ${attribute}` : ''}.`,
  summary: (concepts, passages) =>
    `${concepts} ${concepts === 1 ? 'concept' : 'concepts'}${passages === undefined ? '' : `, ${passages} coded ${passages === 1 ? 'passage' : 'passages'}`}.`,
};

export function appendixWording(language: string): AppendixWording {
  return isNorwegian(language) ? NORWEGIAN : ENGLISH;
}
