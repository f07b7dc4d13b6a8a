import { SEARCH_UNITS } from '../../../core/search/units';
import type { SearchRequest } from './searchInput';

/**
 * A command argument that answers the questions instead of the user (for keybindings, other
 * extensions and tests): `{ pattern, regex?, caseSensitive?, wholeWord?, informants?, unit? }` or
 * `{ informant }`, and optionally `concepts`, which with one of them tags the hits ticked by
 * default without asking: those in informants' turns, or every hit with `allSpeakers: true`.
 * `unit` is "match" (whole words, the default), "sentence" or "turn".
 */
export interface SearchAndTagArguments {
  request?: SearchRequest;
  concepts?: string[];
  allSpeakers?: boolean;
  /** A `unit` that is none of the known ones, to be reported. */
  unknownUnit?: string;
}

export function searchArguments(arg: unknown): SearchAndTagArguments {
  if (typeof arg !== 'object' || arg === null) return {};
  const value = arg as Record<string, unknown>;
  const concepts = stringList(value.concepts);
  const request = requestOf(value);
  const unknownUnit =
    value.unit !== undefined && !SEARCH_UNITS.some((known) => known === value.unit) ? String(value.unit) : undefined;
  return {
    ...(request ? { request } : {}),
    ...(concepts ? { concepts } : {}),
    ...(value.allSpeakers === true ? { allSpeakers: true } : {}),
    ...(unknownUnit !== undefined ? { unknownUnit } : {}),
  };
}

function requestOf(value: Record<string, unknown>): SearchRequest | undefined {
  if (typeof value.informant === 'string') return { informant: value.informant };
  if (typeof value.pattern !== 'string') return undefined;
  const informants = stringList(value.informants);
  const unit = SEARCH_UNITS.find((known) => known === value.unit);
  return {
    query: {
      pattern: value.pattern,
      regex: value.regex === true,
      caseSensitive: value.caseSensitive === true,
      wholeWord: value.wholeWord === true,
      ...(informants ? { informants } : {}),
      ...(unit ? { unit } : {}),
    },
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}
