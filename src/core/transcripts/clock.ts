/** Timestamps as transcription tools write them, and as qcode writes them: `[hh:mm:ss]`. */

/** Seconds from `1:02:03`, `02:03`, `0:00:06.835`, `00:01:01-9` or `00:00:03,120`; undefined when it is no time. */
export function parseClock(text: string): number | undefined {
  const match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,-](\d{1,3}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  if (Number(seconds) > 59 || (match[1] !== undefined && Number(minutes) > 59)) return undefined;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + (fraction ? Number(`0.${fraction}`) : 0);
}

/** `[hh:mm:ss]`, as the sample project marks where a turn starts. */
export function clockMark(seconds: number): string {
  const whole = Math.floor(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `[${two(Math.floor(whole / 3600))}:${two(Math.floor(whole / 60) % 60)}:${two(whole % 60)}]`;
}
