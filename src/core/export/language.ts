/** The words and marks an export writes itself, in the project's language. */
export interface ExportWording {
  open: string;
  close: string;
  line: string;
  memo: string;
  notFound: string;
  /** Said of a quote taken from the sidecar, because its passage or transcript is not there. */
  fromSidecar: string;
  transcriptMissing: string;
}

const NORWEGIAN: ExportWording = {
  open: '«',
  close: '»',
  line: 'linje',
  memo: 'Memo',
  notFound: 'ikke funnet i teksten',
  fromSidecar: 'sitert fra sidecar-fila',
  transcriptMissing: 'transkripsjonen mangler eller kan ikke leses',
};
const ENGLISH: ExportWording = {
  open: '\u201c',
  close: '\u201d',
  line: 'line',
  memo: 'Memo',
  notFound: 'not found in the text',
  fromSidecar: 'quoted from the sidecar',
  transcriptMissing: 'the transcript is missing or cannot be read',
};

export function isNorwegian(language: string): boolean {
  return /^(nb|nn|no)(-|$)/i.test(language);
}

export function exportWording(language: string): ExportWording {
  return isNorwegian(language) ? NORWEGIAN : ENGLISH;
}
