import type { AttributeValue, Informant, InformantRegistry } from '../informants/registry';
import { CASE_GUID_ATTRIBUTE, normalizeGuid, stableGuid } from './guids';
import { isGuid, isXsdDate } from './xsdValues';
import type { RefiCase, RefiVariable, RefiVariableValue, VariableType } from './model';

export interface ExportedCases {
  variables: RefiVariable[];
  cases: RefiCase[];
  /** Informant code -> case GUID. */
  guidOf: Map<string, string>;
}

/** Informants become cases; every attribute name one variable, typed by the values it holds. */
export function informantsToCases(registry: InformantRegistry): ExportedCases {
  const variables = attributeVariables(registry.informants);
  const byName = new Map(variables.map((v) => [v.name, v]));
  const guidOf = new Map<string, string>();
  const taken = new Set<string>();
  const cases = registry.informants.map((informant): RefiCase => {
    const guid = caseGuid(informant, taken);
    guidOf.set(informant.code, guid);
    taken.add(guid);
    const values: RefiVariableValue[] = [];
    for (const [name, value] of Object.entries(informant.attributes)) {
      const variable = byName.get(name);
      if (variable) values.push({ variableGuid: variable.guid, value: String(value) });
    }
    return { guid, name: informant.code, values, sourceGuids: [] };
  });
  return { variables, cases, guidOf };
}

function attributeVariables(informants: readonly Informant[]): RefiVariable[] {
  const valuesByName = new Map<string, AttributeValue[]>();
  for (const informant of informants) {
    for (const [name, value] of Object.entries(informant.attributes)) {
      if (name === CASE_GUID_ATTRIBUTE) continue;
      const values = valuesByName.get(name);
      if (values) values.push(value);
      else valuesByName.set(name, [value]);
    }
  }
  return [...valuesByName].map(([name, values]) => ({
    guid: stableGuid('variable', name),
    name,
    type: variableType(values),
  }));
}

/** The narrowest REFI type that every value fits; Text when they differ. */
export function variableType(values: readonly AttributeValue[]): VariableType {
  if (values.every((v) => typeof v === 'boolean')) return 'Boolean';
  if (values.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return 'Integer';
  if (values.every((v) => typeof v === 'string' && isXsdDate(v))) return 'Date';
  return 'Text';
}

function caseGuid(informant: Informant, taken: ReadonlySet<string>): string {
  const written = informant.attributes[CASE_GUID_ATTRIBUTE];
  const own = typeof written === 'string' ? normalizeGuid(written) : undefined;
  return own && isGuid(own) && !taken.has(own) ? own : stableGuid('case', informant.code);
}
