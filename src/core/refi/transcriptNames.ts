const DOCUMENT_ENDING = /\.(?:txt|docx?|rtf|odt|pdf|html?)$/i;
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu;

/** A safe file name for a source (`Interview K3.docx` -> `Interview K3.txt`), unique among `taken` (compared without case). */
export function transcriptFileName(sourceName: string, taken: Set<string>): string {
  const stem = sourceName.replace(DOCUMENT_ENDING, '').replace(UNSAFE, '-').replace(/^[\s.-]+|[\s.-]+$/gu, '') || 'source';
  let name = `${stem}.txt`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.txt`;
  taken.add(name.toLowerCase());
  return name;
}
