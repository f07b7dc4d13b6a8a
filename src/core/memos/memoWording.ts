import { isNorwegian } from '../export/language';

/** The headings an export of memos writes itself, in the project's language. */
export interface MemoWording {
  memos: string;
  project: string;
  concepts: string;
  /** Before a transcript's name. */
  transcript: string;
  none: string;
}

const NORWEGIAN: MemoWording = {
  memos: 'Memoer',
  project: 'Prosjektmemoer',
  concepts: 'Begreper',
  transcript: 'Transkripsjon',
  none: 'Prosjektet har ingen memoer ennå.',
};
const ENGLISH: MemoWording = {
  memos: 'Memos',
  project: 'Project memos',
  concepts: 'Concepts',
  transcript: 'Transcript',
  none: 'The project has no memos yet.',
};

export function memoWording(language: string): MemoWording {
  return isNorwegian(language) ? NORWEGIAN : ENGLISH;
}
