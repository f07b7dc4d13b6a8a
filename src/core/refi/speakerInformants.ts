import type { Informant, InformantRegistry } from '../informants/registry';
import type { PreparedSource } from './importSources';

/**
 * The informant codes that imported annotations name (the speaker of the turn a passage starts in)
 * but that neither the registry nor the imported cases hold. The import registers them, so that
 * `qcode check` finds every informant an annotation names.
 */
export function unregisteredSpeakers(
  prepared: readonly PreparedSource[],
  registry: InformantRegistry,
  added: readonly Informant[],
): Informant[] {
  const known = new Set([...registry.codes, ...added.map((i) => i.code)]);
  const speakers: Informant[] = [];
  for (const { annotations } of prepared) {
    for (const { informant } of annotations.annotations) {
      if (informant === undefined || known.has(informant)) continue;
      known.add(informant);
      speakers.push({ code: informant, attributes: {} });
    }
  }
  return speakers;
}
