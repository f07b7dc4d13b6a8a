import { normalizeGuid } from './guids';
import type {
  RefiCase,
  RefiCode,
  RefiCodebook,
  RefiCoding,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiUser,
  RefiVariable,
  RefiVariableValue,
  VariableType,
} from './model';
import { RefiReadError } from './readError';
import {
  attribute,
  childElement,
  childElements,
  childText,
  elementsAt,
  parseXml,
  textContent,
  type XmlElement as Element,
} from './xmlElements';

/** `sets`: the names of the sets (groups of codes or sources), which qcode does not import. */
export type RefiDocument = (
  { kind: 'project'; project: RefiProject; otherSources: number } | { kind: 'codebook'; codebook: RefiCodebook }
) & { sets: string[] };

const VARIABLE_TYPES: readonly VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const VALUE_ELEMENTS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];
const OTHER_SOURCES = ['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];

/**
 * Codes nested deeper than this are refused, naming the line: no real code tree comes near it, and
 * the limit keeps concept ids, codebook.yaml and everything that reads it within bounds.
 */
export const MAX_CODE_DEPTH = 50;

/**
 * Reads a project.qde or a .qdc codebook into the REFI model. Cases and text sources are read as
 * their elements end, so that the elements of a large project are never all in memory at once.
 */
export function readRefiXml(file: string, text: string): RefiDocument {
  const cases: RefiCase[] = [];
  const sources: RefiSource[] = [];
  const root = parseXml(file, text, [
    { path: ['Cases', 'Case'], read: (element) => cases.push(readCase(element)) },
    { path: ['Sources', 'TextSource'], read: (element) => sources.push(readSource(element)) },
  ]);
  if (root.localName === 'CodeBook')
    return { kind: 'codebook', codebook: { ...origin(root), codes: readCodes(file, root) }, sets: setNames(root) };
  if (root.localName !== 'Project')
    throw new RefiReadError(
      file,
      `is not a REFI-QDA project or codebook: its root element is <${root.localName ?? root.tagName}>, not <Project> or <CodeBook>.`,
    );
  const project: RefiProject = {
    name: attribute(root, 'name') ?? '',
    ...origin(root),
    users: elementsAt(root, 'Users', 'User').map(readUser),
    codes: readCodes(file, childElement(root, 'CodeBook') ?? root),
    variables: elementsAt(root, 'Variables', 'Variable').map(readVariable),
    cases,
    sources,
    notes: elementsAt(root, 'Notes', 'Note').map(readNote),
  };
  const otherSources = elementsAt(root, 'Sources').flatMap((s) => childElements(s, ...OTHER_SOURCES)).length;
  return { kind: 'project', project, otherSources, sets: setNames(root, childElement(root, 'CodeBook')) };
}

function setNames(...parents: (Element | undefined)[]): string[] {
  return parents
    .flatMap((parent) => (parent ? elementsAt(parent, 'Sets', 'Set') : []))
    .map((set) => attribute(set, 'name')?.trim() || guidOf(set));
}

function origin(root: Element): { origin?: string } {
  const value = attribute(root, 'origin');
  return value ? { origin: value } : {};
}

function guidOf(element: Element, name = 'guid'): string {
  return normalizeGuid(attribute(element, name) ?? '');
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function readCodes(file: string, parent: Element): RefiCode[] {
  return elementsAt(parent, 'Codes', 'Code').map((code) => readCode(file, code, 1));
}

function readCode(file: string, element: Element, depth: number): RefiCode {
  if (depth > MAX_CODE_DEPTH) {
    const name = attribute(element, 'name') ?? '';
    throw new RefiReadError(
      file,
      `the code "${name}" is nested ${depth} levels deep; qcode takes code trees up to ${MAX_CODE_DEPTH} levels. Move its codes higher up in the other tool and export again. Nothing was imported.`,
      element.lineNumber,
      element.columnNumber,
    );
  }
  return {
    guid: guidOf(element),
    name: attribute(element, 'name') ?? '',
    isCodable: attribute(element, 'isCodable') !== 'false',
    ...optional('color', attribute(element, 'color')),
    ...optional('description', childText(element, 'Description')),
    children: childElements(element, 'Code').map((child) => readCode(file, child, depth + 1)),
  };
}

function readUser(element: Element): RefiUser {
  return { guid: guidOf(element), name: attribute(element, 'name') ?? attribute(element, 'id') ?? '' };
}

function readVariable(element: Element): RefiVariable {
  const type = attribute(element, 'typeOfVariable') as VariableType | undefined;
  return {
    guid: guidOf(element),
    name: attribute(element, 'name') ?? '',
    type: type && VARIABLE_TYPES.includes(type) ? type : 'Text',
  };
}

function readCase(element: Element): RefiCase {
  return {
    guid: guidOf(element),
    name: attribute(element, 'name') ?? '',
    ...optional('description', childText(element, 'Description')),
    values: childElements(element, 'VariableValue')
      .map(readValue)
      .filter((v): v is RefiVariableValue => v !== undefined),
    sourceGuids: childElements(element, 'SourceRef').map((ref) => guidOf(ref, 'targetGUID')),
    selectionGuids: childElements(element, 'SelectionRef').map((ref) => guidOf(ref, 'targetGUID')),
  };
}

function readValue(element: Element): RefiVariableValue | undefined {
  const ref = childElement(element, 'VariableRef');
  const value = childElements(element, ...VALUE_ELEMENTS)[0];
  if (!ref || !value) return undefined;
  return { variableGuid: guidOf(ref, 'targetGUID'), value: textContent(value) };
}

function readSource(element: Element): RefiSource {
  return {
    guid: guidOf(element),
    name: attribute(element, 'name') ?? '',
    ...optional('plainTextPath', attribute(element, 'plainTextPath')),
    ...optional('inlineText', inlineText(element)),
    ...optional('description', childText(element, 'Description')),
    selections: childElements(element, 'PlainTextSelection').map(readSelection),
    ...optional('userGuid', userRef(element)),
    ...optional('created', attribute(element, 'creationDateTime')),
  };
}

function inlineText(source: Element): string | undefined {
  const content = childElement(source, 'PlainTextContent');
  return content && textContent(content);
}

function readSelection(element: Element): RefiSelection {
  const start = attribute(element, 'startPosition');
  const end = attribute(element, 'endPosition');
  const [from, to] = [position(start), position(end)];
  const selection: RefiSelection = {
    guid: guidOf(element),
    name: attribute(element, 'name') ?? '',
    start: from,
    end: to,
    codings: childElements(element, 'Coding').map(readCoding),
    noteGuids: childElements(element, 'NoteRef').map((ref) => guidOf(ref, 'targetGUID')),
  };
  if (Number.isNaN(from) || Number.isNaN(to)) setOptional(selection, 'badPosition', badPosition(element, start, end));
  setOptional(selection, 'userGuid', userRef(element));
  setOptional(selection, 'created', attribute(element, 'creationDateTime'));
  setOptional(selection, 'description', childText(element, 'Description'));
  return selection;
}

function readCoding(element: Element): RefiCoding {
  const ref = childElement(element, 'CodeRef');
  const coding: RefiCoding = { guid: guidOf(element), codeGuid: ref ? guidOf(ref, 'targetGUID') : '' };
  setOptional(coding, 'userGuid', userRef(element));
  setOptional(coding, 'created', attribute(element, 'creationDateTime'));
  return coding;
}

/** Sets an optional field only when it has a value (a selection is read for each of thousands: no object per field). */
function setOptional<T, K extends keyof T & string>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function readNote(element: Element): RefiNote {
  return {
    guid: guidOf(element),
    name: attribute(element, 'name') ?? '',
    ...optional('text', childText(element, 'PlainTextContent')),
  };
}

function userRef(element: Element): string | undefined {
  const guid = attribute(element, 'creatingUser');
  return guid ? normalizeGuid(guid) : undefined;
}

/** A position as written; NaN when it is not a whole number, so that the selection is reported, not misplaced. */
function position(value: string | undefined): number {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

/**
 * What is wrong with a selection's positions, with the values as written and the line, when one is not a whole number.
 */
function badPosition(element: Element, start: string | undefined, end: string | undefined): string | undefined {
  const wrong = (
    [
      ['startPosition', start],
      ['endPosition', end],
    ] as const
  ).filter(([, value]) => Number.isNaN(position(value)));
  if (wrong.length === 0) return undefined;
  const values = wrong.map(([name, value]) => `${name}=${value === undefined ? '(missing)' : JSON.stringify(value)}`);
  return `${values.join(' and ')} (line ${element.lineNumber ?? '?'}) ${wrong.length === 1 ? 'is not a whole number' : 'are not whole numbers'}`;
}
