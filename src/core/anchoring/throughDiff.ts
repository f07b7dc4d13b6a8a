import { sameRange } from '../text/position';
import { normalizeForMatching } from '../text/normalize';
import { diffTexts } from '../text/textDiff';
import type { TranscriptText } from '../text/transcriptText';
import type { Anchor, Resolution } from './anchor';
import { moveRanges, type LiveRange } from './moveRanges';
import { atRange, resolveAnchor } from './resolve';

/**
 * The annotations of a sidecar whose ranges were written against an earlier text of the transcript
 * (as it was when the sidecar was last committed, say), resolved in today's text by the character
 * differences between the two: a passage the differences leave alone moves exactly with the text
 * around it, exact if its range still reads the same, else moved; one they change inside (text
 * typed at its start or end stays outside it, as in the editor) is resolved by resolveAnchor, with
 * the place the differences carried it to as its predicted start.
 *
 * Undefined unless every annotation is exact in the earlier text: then the sidecar was not written
 * against it, and the differences say nothing about its ranges.
 */
export function resolveThroughDiff(
  earlier: TranscriptText,
  current: TranscriptText,
  anchors: readonly Anchor[],
): Resolution[] | undefined {
  const ranges: LiveRange[] = [];
  for (const anchor of anchors) {
    const found = atRange(earlier, anchor, normalizeForMatching(anchor.quote));
    if (!found) return undefined;
    ranges.push({ start: found.start, end: found.end });
  }
  const replacements = diffTexts(earlier.text, current.text);
  // Last first, so that each replacement's offsets are still those of the earlier text.
  for (let i = replacements.length - 1; i >= 0; i--) {
    const { start, length, text } = replacements[i] as (typeof replacements)[number];
    moveRanges(ranges, [{ rangeOffset: start, rangeLength: length, text }]);
  }
  return anchors.map((anchor, i) => {
    const { start, end, touched } = ranges[i] as LiveRange;
    if (touched) return resolveAnchor(current, anchor, [start]);
    const range = { start: current.positionAt(start), end: current.positionAt(end) };
    return { status: sameRange(range, anchor.range) ? 'exact' : 'moved', start, end, range, confidence: 1 };
  });
}
