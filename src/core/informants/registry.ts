import type { YAMLMap } from 'yaml';
import { isScalar } from 'yaml';
import type { YamlFile } from '../yaml/yamlFile';
import { message } from '../messages';

export type AttributeValue = string | number | boolean;

export interface Informant {
  code: string;
  attributes: Record<string, AttributeValue>;
}

/** The informants of a study, by code (K1, L5, M2). */
export class InformantRegistry {
  private readonly byCode = new Map<string, Informant>();

  constructor(readonly informants: Informant[]) {
    for (const informant of informants) this.byCode.set(informant.code, informant);
  }

  get(code: string): Informant | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get codes(): string[] {
    return this.informants.map((i) => i.code);
  }
}

/** Reads informants.yaml: `informants:` a list of {code, ...free attributes}. */
export function readInformants(file: YamlFile): InformantRegistry {
  const root = file.document?.contents;
  if (!file.ok || root === null || root === undefined) return new InformantRegistry([]);
  const map = file.asMap(root, message('The informant registry'));
  const informants: Informant[] = [];
  for (const { key, keyNode, value } of map ? file.entries(map, message('the informant registry')) : []) {
    if (key !== 'informants') {
      file.unknownKey(keyNode, key, message('the informant registry'), ['informants']);
      continue;
    }
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) continue;
    const seq = file.asSeq(value, 'informants', keyNode);
    for (const item of seq?.items ?? []) {
      const entry = file.asMap(item, message('An informant'), seq);
      const informant = entry && readInformant(file, entry, informants);
      if (informant) informants.push(informant);
    }
  }
  return new InformantRegistry(informants);
}

function readInformant(file: YamlFile, map: YAMLMap, earlier: Informant[]): Informant | undefined {
  const informant: Informant = { code: '', attributes: Object.create(null) as Record<string, AttributeValue> };
  for (const { key, keyNode, value } of file.entries(map, message('an informant'))) {
    const scalar = file.plain(value);
    if (key === 'code') informant.code = file.asString(value, message('The informant code'), keyNode) ?? '';
    else if (isScalar(scalar) && ['string', 'number', 'boolean'].includes(typeof scalar.value))
      informant.attributes[key] = scalar.value as AttributeValue;
    else if (scalar !== undefined && !(isScalar(scalar) && scalar.value === null))
      file.reportAt(
        scalar ?? keyNode,
        'error',
        'wrong-type',
        message('The attribute "{key}" must be a single value (text or number).', { key }),
      );
  }
  if (!informant.code) {
    file.reportAt(
      map,
      'error',
      'missing-key',
      message('This informant has no code. Add "code: K1" (the code used in transcripts and citations).'),
    );
    return undefined;
  }
  if (earlier.some((i) => i.code === informant.code)) {
    file.reportAt(
      map,
      'error',
      'duplicate-id',
      message('The informant code "{code}" is listed twice. Merge the two entries.', { code: informant.code }),
    );
    return undefined;
  }
  return informant;
}
