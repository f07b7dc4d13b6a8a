import { ID_ALPHABET } from '../ids';

// REFI-QDA names everything by GUID; qcode by annotation ids, concept ids, informant codes and
// paths. These functions turn one into the other deterministically, so that exporting twice gives
// the same file and importing the same file twice finds the same annotations.

/** The informant attribute that keeps the GUID of the REFI-QDA case an informant came from. */
export const CASE_GUID_ATTRIBUTE = 'guid';

/** A GUID in REFI-QDA's canonical form: lower case, no braces. */
export function normalizeGuid(guid: string): string {
  if (isCanonical(guid)) return guid;
  return guid
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

/** Most GUIDs are written so already: nothing to trim, no braces, no capitals (only 0-9, a-f and "-"). */
function isCanonical(guid: string): boolean {
  for (let i = 0; i < guid.length; i++) {
    const c = guid.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || c === 0x2d)) return false;
  }
  return true;
}

const ANNOTATION_GUID = /^c0dec0de-0000-4000-8000-([0-9a-f]{10})00$/;

/** The GUID an annotation is exported under; `annotationIdOfGuid` reads the id back from it. */
export function annotationGuid(id: string): string {
  let bits = 0n;
  for (const char of id) bits = (bits << 5n) | BigInt(ID_ALPHABET.indexOf(char));
  return `c0dec0de-0000-4000-8000-${bits.toString(16).padStart(10, '0')}00`;
}

/** The annotation id of an imported selection: read back when qcode wrote the GUID, else derived from it. */
export function annotationIdOfGuid(guid: string): string {
  const normal = normalizeGuid(guid);
  const encoded = ANNOTATION_GUID.exec(normal)?.[1];
  // 40 bits, eight letters of five bits each: exact in a double, which holds 53.
  let bits = parseInt(encoded ?? hashHex(normal).slice(0, 10), 16);
  let id = '';
  for (let i = 0; i < 8; i++, bits = Math.floor(bits / 32)) id = (ID_ALPHABET[bits % 32] ?? '0') + id;
  return id;
}

/** A stable GUID for anything qcode names by a string: `kind` keeps concepts, cases, sources ... apart. */
export function stableGuid(kind: string, key: string): string {
  const [a, b, c, d] = hash128(`${kind}\u0000${key}`).map(hex8) as [string, string, string, string];
  const variant = ((parseInt(c[0] as string, 16) & 3) | 8).toString(16);
  return `${a}-${b.slice(0, 4)}-5${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** 128 bits of a non-cryptographic hash (four seeded FNV-1a passes, made in one), as 32 hex digits. */
function hashHex(text: string): string {
  return hash128(text).map(hex8).join('');
}

/** The same 128 bits as four 32-bit numbers. */
function hash128(text: string): [number, number, number, number] {
  let [a, b, c, d] = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = mix(a, code);
    b = mix(b, code);
    c = mix(c, code);
    d = mix(d, code);
  }
  return [a, b, c, d];
}

function mix(hash: number, code: number): number {
  const next = Math.imul((hash ^ code) >>> 0, 0x01000193) >>> 0;
  return (next ^ (next >>> 13)) >>> 0;
}

function hex8(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}
