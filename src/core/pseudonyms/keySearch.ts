import type { KeyMatch, KeyMatcher } from './matcher';
import { replaceKeyEntries, type Replaced } from './replaceText';

/**
 * The key's entries in a transcript and in its sidecar, each text searched once: a first look
 * without the locks, and the look under them, which finds the same texts unless someone wrote
 * meanwhile.
 */
export class KeySearch {
  private transcript: { text: string; replaced: Replaced } | undefined;
  private sidecar: { text: string; found: KeyMatch[] } | undefined;

  constructor(readonly matcher: KeyMatcher) {}

  /** The transcript with the entries replaced, and where they were. */
  inTranscript(text: string): Replaced {
    if (this.transcript?.text !== text) this.transcript = { text, replaced: replaceKeyEntries(text, this.matcher) };
    return this.transcript.replaced;
  }

  /** The entries anywhere in the sidecar's text: values, comments, keys. */
  inSidecar(text: string | undefined): KeyMatch[] {
    if (text === undefined) return [];
    if (this.sidecar?.text !== text) this.sidecar = { text, found: this.matcher.find(text) };
    return this.sidecar.found;
  }

  /** Whether neither text holds an entry: then nothing is replaced and no annotation moves. */
  holdsNone(transcript: string, sidecar: string | undefined): boolean {
    return this.inTranscript(transcript).matches.length === 0 && this.inSidecar(sidecar).length === 0;
  }
}
