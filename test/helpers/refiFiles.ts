import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';

const REFI = join(__dirname, '..', 'fixtures', 'refi', 'schema');
const PROJECT_XSD = readFileSync(join(REFI, 'Project.xsd'), 'utf8');
const CODEBOOK_XSD = readFileSync(join(REFI, 'Codebook.repaired.xsd'), 'utf8');

/** The schema validator's verdict on a project.qde or a .qdc. */
export async function schemaErrors(xml: string | Uint8Array, kind: 'project' | 'codebook'): Promise<string[]> {
  const fileName = kind === 'project' ? 'project.qde' : 'codebook.qdc';
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [kind === 'project' ? PROJECT_XSD : CODEBOOK_XSD],
    maxMemoryPages: 16384,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

export async function assertValid(xml: string | Uint8Array, kind: 'project' | 'codebook'): Promise<void> {
  assert.deepEqual(await schemaErrors(xml, kind), [], `the ${kind} XML does not validate`);
}

/** The bytes the file should not have: a UTF-8 BOM, carriage returns. */
export function assertNoBomNoCr(bytes: Uint8Array, what: string): void {
  assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${what} starts with a BOM`);
  assert.equal(bytes.indexOf(0x0d), -1, `${what} holds a carriage return`);
}

export interface Unpacked {
  entries: Record<string, Uint8Array>;
  xmlBytes: Uint8Array;
  root: Element;
  text(entry: string): string;
}

export function unpackQdpx(bytes: Uint8Array): Unpacked {
  const entries = unzipSync(bytes);
  const xmlBytes = entries['project.qde'];
  assert.ok(xmlBytes, 'the package has no project.qde');
  return {
    entries,
    xmlBytes,
    root: parseXml(strFromU8(xmlBytes)),
    text: (entry) => strFromU8(entries[entry] ?? assert.fail(`no entry ${entry}`)),
  };
}

export function parseXml(xml: string): Element {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  assert.ok(root, 'the XML has no root element');
  return root;
}

/** Descendants by local name, in document order. */
export function elements(root: Element, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name));
}

/** Child elements by local name. */
export function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name,
  );
}

export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
