/**
 * Any character from U+0300 on. Below it no character changes under NFC, nor combines with the next
 * one (combining marks start at U+0300), so text without these is already NFC.
 */
const MAY_COMPOSE = /[\u0300-\uffff]/;

/** The text in NFC; a quick test first, as most transcripts need no change. */
export function toNfc(text: string): string {
  return MAY_COMPOSE.test(text) ? text.normalize('NFC') : text;
}

/** Line breaks as \n and letters composed (NFC): the form in which quotes and transcripts are compared. */
export function normalizeForMatching(text: string): string {
  return toNfc(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}
