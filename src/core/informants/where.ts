import type { WhereClause } from '../settings/exportPresets';
import type { InformantRegistry } from './registry';

/** Parses "role=tjenestemottaker"; undefined when there is no attribute or no "=". */
export function parseWhere(text: string): WhereClause | undefined {
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  return { attribute: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

/**
 * Whether an informant meets every attribute named; values given for the same attribute are
 * alternatives. `code` is the informant's code. Unregistered informants meet none.
 */
export function informantMatcher(
  registry: InformantRegistry,
  where: readonly WhereClause[],
): (code: string | undefined) => boolean {
  const wanted = new Map<string, Set<string>>();
  for (const { attribute, value } of where) wanted.set(attribute, (wanted.get(attribute) ?? new Set()).add(value));
  return (code) => {
    const informant = code === undefined ? undefined : registry.get(code);
    if (!informant) return wanted.size === 0;
    return [...wanted].every(([attribute, values]) => {
      const value = attribute === 'code' ? informant.code : informant.attributes[attribute];
      return value !== undefined && values.has(String(value));
    });
  };
}
