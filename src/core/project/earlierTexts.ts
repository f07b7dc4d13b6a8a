import type { Anchor, Resolution } from '../anchoring/anchor';
import { resolveAnchors } from '../anchoring/resolveAll';
import { resolveThroughDiff } from '../anchoring/throughDiff';
import { decodeUtf8 } from '../text/decode';
import { TranscriptText } from '../text/transcriptText';

/**
 * Where a transcript's text can be read as it was when its sidecar's ranges were written: from git,
 * the transcript as it was in the commit that last changed its sidecar.
 */
export interface EarlierTexts {
  /** The transcript's bytes then, or undefined when they cannot be known. */
  read(transcriptPath: string): Promise<Uint8Array | undefined>;
}

/**
 * A transcript's annotations resolved in its text: together (resolveAnchors), and, when some are
 * not exact and the text their sidecar was written against can be read, moved through the
 * differences from that text instead (resolveThroughDiff). An earlier text that cannot be read,
 * is not UTF-8, or that the sidecar was not written against is passed over without a word.
 */
export async function resolveTranscript(
  path: string,
  doc: TranscriptText,
  anchors: readonly Anchor[],
  earlier: EarlierTexts | undefined,
): Promise<Resolution[]> {
  const together = resolveAnchors(doc, anchors);
  if (!earlier || together.every((r) => r.status === 'exact')) return together;
  const bytes = await earlier.read(path).catch(() => undefined);
  const decoded = bytes && decodeUtf8(bytes);
  if (!decoded || !decoded.ok) return together;
  const then = new TranscriptText(decoded.text);
  if (then.text === doc.text) return together;
  return resolveThroughDiff(then, doc, anchors) ?? together;
}
