import { Document } from 'yaml';
import { readInformants, type AttributeValue, type Informant, type InformantRegistry } from '../informants/registry';
import { serialise, topList } from '../merge/yamlItems';
import { parseYaml } from '../yaml/yamlNodes';
import { YamlFile } from '../yaml/yamlFile';
import type { RefiCase, RefiProject, RefiVariable } from './model';
import { CASE_GUID_ATTRIBUTE } from './guids';

const HEADER = '# Informants: the code used in transcripts and citations, plus any attributes you like.\n';
/**
 * Variable names that cannot be attribute names as they are: qcode's own, and keys that would reach an object's
 * prototype (which qcode check refuses).
 */
const RESERVED = new Set(['code', CASE_GUID_ATTRIBUTE, '__proto__', 'constructor', 'prototype']);

export interface InformantPlan {
  /** The informant code of each case, by case GUID. */
  codeOfCase: Map<string, string>;
  added: Informant[];
  matched: number;
  /** Variables imported under another attribute name, since their own cannot be one: name -> attribute. */
  renamedVariables: Map<string, string>;
}

/**
 * Cases become informants: the case name is the code, its variable values the attributes. Existing informants are
 * matched by GUID, then by code, and left as they are.
 */
export function planInformants(project: RefiProject, registry: InformantRegistry): InformantPlan {
  const plan: InformantPlan = { codeOfCase: new Map(), added: [], matched: 0, renamedVariables: new Map() };
  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  const byGuid = new Map(
    registry.informants.flatMap((i) => {
      const g = i.attributes[CASE_GUID_ATTRIBUTE];
      return typeof g === 'string' ? [[g.toLowerCase(), i.code] as const] : [];
    }),
  );
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

function attributesOf(
  refiCase: RefiCase,
  variables: ReadonlyMap<string, RefiVariable>,
  renamed: Map<string, string>,
): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const { variableGuid, value } of refiCase.values) {
    const variable = variables.get(variableGuid);
    const name = variable?.name.trim() || `variable ${variableGuid}`;
    const attribute = RESERVED.has(name) ? `${name} (variable)` : name;
    if (attribute !== name) renamed.set(name, attribute);
    attributes[attribute] = typed(value.trim(), variable?.type);
  }
  if (refiCase.description && !Object.hasOwn(attributes, 'description'))
    attributes.description = refiCase.description.trim();
  if (refiCase.guid) attributes[CASE_GUID_ATTRIBUTE] = refiCase.guid;
  return attributes;
}

function typed(value: string, type: RefiVariable['type'] | undefined): AttributeValue {
  if ((type === 'Integer' || type === 'Float') && value !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'Boolean' && /^(?:true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

/**
 * informants.yaml with the informants added at the end, or why not: the text is read back as
 * check reads it and must hold the informants it held before and every added one with its
 * attributes, with no error it did not have; else nothing is written.
 */
export function registryWithInformants(
  previous: string | undefined,
  added: readonly Informant[],
): { ok: true; text: string } | { ok: false; message: string } {
  const items = added.map((i) => ({ code: i.code, ...i.attributes }));
  const fresh = previous === undefined || previous.trim() === '';
  const doc = fresh ? new Document({ informants: items }) : parseYaml(previous);
  if (!fresh) for (const item of items) topList(doc, 'informants').items.push(doc.createNode(item));
  const text = fresh ? HEADER + doc.toString({ lineWidth: 0 }) : serialise(doc);
  if (holdsInformants(fresh ? undefined : previous, text, added)) return { ok: true, text };
  return {
    ok: false,
    message:
      'informants.yaml could not be written so that it reads back with the imported informants, so it was left as it is. Check it with "qcode check", or write it in block style ("- code: ..." items under "informants:"), and import again.',
  };
}

function holdsInformants(previous: string | undefined, written: string, added: readonly Informant[]): boolean {
  const before = previous === undefined ? { informants: [], errors: 0 } : readRegistry(previous);
  const after = readRegistry(written);
  const expected = [...before.informants, ...added].map(stated);
  return (
    after.errors <= before.errors &&
    after.informants.length === expected.length &&
    after.informants.every((i, k) => stated(i) === expected[k])
  );
}

function readRegistry(text: string): { informants: Informant[]; errors: number } {
  const file = new YamlFile('informants.yaml', text);
  const informants = readInformants(file).informants;
  return { informants, errors: file.problems.filter((p) => p.severity === 'error').length + (file.ok ? 0 : 1) };
}

function stated(informant: Informant): string {
  return JSON.stringify([
    informant.code,
    Object.entries(informant.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
}
