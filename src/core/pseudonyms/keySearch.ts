import type { Node } from 'yaml';
import { readSidecar, type ParsedSidecar } from '../sidecar/readSidecar';
import type { KeyMatch, KeyMatcher } from './matcher';
import { replaceKeyEntries, type Replaced } from './replaceText';
import { matchesInValues } from './yamlText';

/** The sidecar fields that copy the transcript's words or are written about them. */
const TEXT_FIELDS = ['quote', 'before', 'after', 'memo'] as const;

/** A sidecar as pseudonymizing reads it: parsed, and the entries it would replace there. */
export interface SidecarEntries {
  parsed: ParsedSidecar;
  /** In the text fields, and in the comments when an entry is outside those. */
  matches: KeyMatch[];
  /** Whether an entry is outside the text fields, so that the comments have to be looked at. */
  elsewhere: boolean;
}

/**
 * The key's entries in a transcript and in its sidecar, each text searched (and the sidecar
 * parsed) once: a first look without the locks, and the look under them, which finds the same
 * texts unless someone wrote meanwhile.
 */
export class KeySearch {
  private transcript: { text: string; replaced: Replaced } | undefined;
  private sidecar: { text: string; found: KeyMatch[]; entries?: SidecarEntries } | undefined;

  constructor(readonly matcher: KeyMatcher) {}

  /** The transcript with the entries replaced, and where they were. */
  inTranscript(text: string): Replaced {
    if (this.transcript?.text !== text) this.transcript = { text, replaced: replaceKeyEntries(text, this.matcher) };
    return this.transcript.replaced;
  }

  /** The sidecar parsed, and the entries pseudonymizing replaces in it. */
  inSidecar(path: string, text: string): SidecarEntries {
    const searched = this.searched(text);
    if (searched.entries) return searched.entries;
    const parsed = readSidecar(path, text);
    const found =
      searched.found.length > 0 && parsed.file.document
        ? matchesInValues(text, textFieldRanges(parsed), this.matcher, searched.found)
        : { matches: [], elsewhere: false };
    searched.entries = { parsed, ...found };
    return searched.entries;
  }

  /**
   * Whether there is nothing to replace in either text: then no annotation moves either. A sidecar
   * is parsed only when it holds an entry, to tell whether that is anywhere pseudonymizing replaces
   * (not the transcript's file name, a coder or an id).
   */
  holdsNone(path: string, transcript: string, sidecar: string | undefined): boolean {
    if (this.inTranscript(transcript).matches.length > 0) return false;
    if (sidecar === undefined || this.searched(sidecar).found.length === 0) return true;
    return this.inSidecar(path, sidecar).matches.length === 0;
  }

  private searched(text: string): { text: string; found: KeyMatch[]; entries?: SidecarEntries } {
    if (this.sidecar?.text !== text) this.sidecar = { text, found: this.matcher.find(text) };
    return this.sidecar;
  }
}

/** Where the values of the text fields are in the sidecar's text, the memo on the transcript included. */
function textFieldRanges(parsed: ParsedSidecar): [number, number][] {
  const memo = (parsed.memoPair?.value as Node | null | undefined)?.range;
  return [
    ...(memo ? [[memo[0], memo[1]] as [number, number]] : []),
    ...parsed.entries.flatMap((entry) =>
      TEXT_FIELDS.flatMap((key) => {
        const range = (entry.pairs.get(key)?.value as Node | null | undefined)?.range;
        return range ? [[range[0], range[1]] as [number, number]] : [];
      }),
    ),
  ];
}
