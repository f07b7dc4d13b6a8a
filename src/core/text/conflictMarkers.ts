/** Finds git merge-conflict markers, which must be resolved before a file can be trusted. */
import { englishText, message } from '../messages';

const MARKER = /^(?:<{7}|>{7})(?: |\r?$)/m;

/** 1-based line of the first conflict marker, or undefined. */
export function findConflictMarker(text: string): number | undefined {
  const match = MARKER.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export const RESOLVE_ADVICE_MESSAGE = message(
  'Resolve the conflict: take ours or theirs in the editor (Accept Current Change or Accept Incoming Change), or edit by hand (keep the lines you want, delete the <<<<<<<, ======= and >>>>>>> lines), then check again.',
);

export const CONFLICT_ADVICE_MESSAGE = message('The file contains git merge-conflict markers. {advice}', {
  advice: RESOLVE_ADVICE_MESSAGE,
});

export const RESOLVE_ADVICE = englishText(RESOLVE_ADVICE_MESSAGE);

export const CONFLICT_ADVICE = englishText(CONFLICT_ADVICE_MESSAGE);
