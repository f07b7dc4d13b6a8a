/** A speaker turn: from a speaker label at the start of a line to the next label. Offsets into the text. */
export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
}

/** The speaker turns of a text; `speakerPattern` must have the g and m flags, group 1 the speaker. */
export function speakerTurns(text: string, speakerPattern: RegExp): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  speakerPattern.lastIndex = 0;
  for (const match of text.matchAll(speakerPattern)) {
    const speaker = match[1] ?? match[0];
    const previous = turns[turns.length - 1];
    if (previous) previous.end = match.index;
    turns.push({ speaker, start: match.index, end: text.length });
  }
  return turns;
}

/** The turn that the offset falls in, or undefined before the first turn. */
export function turnAt(turns: readonly SpeakerTurn[], offset: number): SpeakerTurn | undefined {
  const found = turns[turnIndexAt(turns, offset)];
  return found && offset < found.end ? found : undefined;
}

/** The index of the last turn that starts at or before the offset; -1 before the first turn. */
export function turnIndexAt(turns: readonly SpeakerTurn[], offset: number): number {
  let low = 0;
  let high = turns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((turns[mid] as SpeakerTurn).start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The informant a passage is attributed to: the speaker of the turn it starts in, if that speaker is an informant. */
export function informantAt(
  turns: readonly SpeakerTurn[],
  offset: number,
  isInformantCode: (code: string) => boolean,
): string | undefined {
  const speaker = turnAt(turns, offset)?.speaker;
  return speaker !== undefined && isInformantCode(speaker) ? speaker : undefined;
}
