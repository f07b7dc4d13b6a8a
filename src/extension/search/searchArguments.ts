import type { SearchRequest } from './searchInput';

/**
 * A command argument that answers the questions instead of the user (for keybindings, other
 * extensions and tests): `{ pattern, regex?, caseSensitive?, wholeWord?, informants? }` or
 * `{ informant }`, and optionally `concepts`, which with one of them tags every hit without asking.
 */
export interface SearchAndTagArguments {
  request?: SearchRequest;
  concepts?: string[];
}

export function searchArguments(arg: unknown): SearchAndTagArguments {
  if (typeof arg !== 'object' || arg === null) return {};
  const value = arg as Record<string, unknown>;
  const concepts = stringList(value.concepts);
  const request = requestOf(value);
  return { ...(request ? { request } : {}), ...(concepts ? { concepts } : {}) };
}

function requestOf(value: Record<string, unknown>): SearchRequest | undefined {
  if (typeof value.informant === 'string') return { informant: value.informant };
  if (typeof value.pattern !== 'string') return undefined;
  const informants = stringList(value.informants);
  return {
    query: {
      pattern: value.pattern,
      regex: value.regex === true,
      caseSensitive: value.caseSensitive === true,
      wholeWord: value.wholeWord === true,
      ...(informants ? { informants } : {}),
    },
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}
