import { Document } from 'yaml';
import type { AttributeValue, Informant, InformantRegistry } from '../informants/registry';
import { parseYaml, serialise, topList } from '../merge/yamlItems';
import type { RefiCase, RefiProject, RefiVariable } from './model';
import { CASE_GUID_ATTRIBUTE } from './guids';

const HEADER = '# Informants: the code used in transcripts and citations, plus any attributes you like.\n';
/** Variable names that cannot be attribute names as they are: qcode's own, and keys that would reach an object's prototype (which qcode check refuses). */
const RESERVED = new Set(['code', CASE_GUID_ATTRIBUTE, '__proto__', 'constructor', 'prototype']);

export interface InformantPlan {
  /** The informant code of each case, by case GUID. */
  codeOfCase: Map<string, string>;
  added: Informant[];
  matched: number;
  /** Variables imported under another attribute name, since their own cannot be one: name -> attribute. */
  renamedVariables: Map<string, string>;
}

/** Cases become informants: the case name is the code, its variable values the attributes. Existing informants are matched by GUID, then by code, and left as they are. */
export function planInformants(project: RefiProject, registry: InformantRegistry): InformantPlan {
  const plan: InformantPlan = { codeOfCase: new Map(), added: [], matched: 0, renamedVariables: new Map() };
  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  const byGuid = new Map(registry.informants.flatMap((i) => { const g = i.attributes[CASE_GUID_ATTRIBUTE]; return typeof g === 'string' ? [[g.toLowerCase(), i.code] as const] : []; }));
  const codes = new Set(registry.codes);
  for (const refiCase of project.cases) {
    const code = refiCase.name.trim() || refiCase.guid;
    const existing = byGuid.get(refiCase.guid) ?? (codes.has(code) ? code : undefined);
    if (existing !== undefined) plan.matched++;
    else {
      plan.added.push({ code, attributes: attributesOf(refiCase, variables, plan.renamedVariables) });
      codes.add(code);
    }
    plan.codeOfCase.set(refiCase.guid, existing ?? code);
  }
  return plan;
}

function attributesOf(refiCase: RefiCase, variables: ReadonlyMap<string, RefiVariable>, renamed: Map<string, string>): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const { variableGuid, value } of refiCase.values) {
    const variable = variables.get(variableGuid);
    const name = variable?.name.trim() || `variable ${variableGuid}`;
    const attribute = RESERVED.has(name) ? `${name} (variable)` : name;
    if (attribute !== name) renamed.set(name, attribute);
    attributes[attribute] = typed(value.trim(), variable?.type);
  }
  if (refiCase.description && !Object.hasOwn(attributes, 'description')) attributes.description = refiCase.description.trim();
  if (refiCase.guid) attributes[CASE_GUID_ATTRIBUTE] = refiCase.guid;
  return attributes;
}

function typed(value: string, type: RefiVariable['type'] | undefined): AttributeValue {
  if ((type === 'Integer' || type === 'Float') && value !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'Boolean' && /^(?:true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

/** informants.yaml with the informants added at the end. */
export function registryWithInformants(previous: string | undefined, added: readonly Informant[]): string {
  const items = added.map((i) => ({ code: i.code, ...i.attributes }));
  if (previous === undefined || previous.trim() === '') return HEADER + new Document({ informants: items }).toString({ lineWidth: 0 });
  const doc = parseYaml(previous);
  const list = topList(doc, 'informants');
  for (const item of items) list.items.push(doc.createNode(item));
  return serialise(doc);
}
