import type { AttributeValue, Informant, InformantRegistry } from '../informants/registry';
import type { AttributeChange, InformantEntry, InformantsDiff } from './model';

/** Informants added, removed, and with changed attributes, matched by code. */
export function diffInformants(base: InformantRegistry, head: InformantRegistry): InformantsDiff {
  const diff: InformantsDiff = { added: [], removed: [], changed: [] };
  for (const informant of head.informants) {
    const was = base.get(informant.code);
    if (!was) diff.added.push(informantEntry(informant));
    else {
      const changes = attributeChanges(was.attributes, informant.attributes);
      if (changes.length > 0) diff.changed.push({ code: informant.code, changes });
    }
  }
  for (const informant of base.informants) if (!head.has(informant.code)) diff.removed.push(informantEntry(informant));
  return diff;
}

function informantEntry(informant: Informant): InformantEntry {
  return { code: informant.code, attributes: { ...informant.attributes } };
}

function attributeChanges(
  before: Record<string, AttributeValue>,
  after: Record<string, AttributeValue>,
): AttributeChange[] {
  const names = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return names
    .map((attribute) => ({ attribute, oldValue: before[attribute] ?? null, newValue: after[attribute] ?? null }))
    .filter((change) => change.oldValue !== change.newValue);
}
