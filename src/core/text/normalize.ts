/** Line breaks as \n and letters composed (NFC): the form in which quotes and transcripts are compared. */
export function normalizeForMatching(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return lf.normalize('NFC');
}
