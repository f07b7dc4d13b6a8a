/** A transcript of about `bytes` UTF-8 bytes: numbered, distinct turns with Norwegian letters. */
export function bigTranscript(bytes: number): string {
  const parts: string[] = [];
  const encoder = new TextEncoder();
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const turn = `[${String(i).padStart(6, '0')}]\nI: Hvordan gikk det med møtet nummer ${i}?\n\nK3: Det gikk bra, vi så på planen og ansvarsgruppen ${i} ble enig.\n\n`;
    parts.push(turn);
    size += encoder.encode(turn).length;
  }
  return parts.join('');
}
