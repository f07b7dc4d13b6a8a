import type {
  RefiCase,
  RefiCode,
  RefiCodebook,
  RefiCoding,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiVariable,
  RefiVariableValue,
} from './model';
import { XmlWriter } from './xmlWriter';

// Element order follows the sequences of Project.xsd and Codebook.xsd exactly; empty lists are left
// out, as the schemas require at least one child in each.

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** project.qde: the REFI-QDA project document. */
export function writeProjectXml(project: RefiProject): string {
  return [...projectXmlPieces(project)].join('');
}

/** About this many UTF-16 code units go into each piece of project.qde. */
const PIECE = 1 << 20;

/** project.qde in pieces of about a megabyte, so that a large project is never one string. */
export function* projectXmlPieces(project: RefiProject): Generator<string> {
  const xml = new XmlWriter().start('Project', {
    xmlns: PROJECT_NAMESPACE,
    name: project.name,
    origin: project.origin,
  });
  list(xml, 'Users', project.users, (user) => xml.empty('User', { guid: user.guid, name: user.name }));
  if (project.codes.length > 0) writeCodes(xml.start('CodeBook'), project.codes).end();
  list(xml, 'Variables', project.variables, (variable) =>
    xml.empty('Variable', { guid: variable.guid, name: variable.name, typeOfVariable: variable.type }),
  );
  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  yield* pieces(xml, 'Cases', project.cases, (refiCase) => writeCase(xml, refiCase, variables));
  yield* pieces(xml, 'Sources', project.sources, (source) => writeSource(xml, source));
  list(xml, 'Notes', project.notes, (note) => {
    if (note.text === undefined) xml.empty('Note', { guid: note.guid, name: note.name });
    else xml.start('Note', { guid: note.guid, name: note.name }).text('PlainTextContent', note.text).end();
  });
  yield xml.end().toString();
}

/** A .qdc file: the codebook alone. */
export function writeCodebookXml(codebook: RefiCodebook): string {
  const xml = new XmlWriter().start('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: codebook.origin });
  return writeCodes(xml, codebook.codes).end().toString();
}

function list<T>(xml: XmlWriter, name: string, items: readonly T[], write: (item: T) => void): void {
  if (items.length === 0) return;
  xml.start(name);
  for (const item of items) write(item);
  xml.end();
}

/** As list(), handing over what was written whenever it reaches the size of a piece. */
function* pieces<T>(xml: XmlWriter, name: string, items: readonly T[], write: (item: T) => void): Generator<string> {
  if (items.length === 0) return;
  xml.start(name);
  for (const item of items) {
    write(item);
    if (xml.size >= PIECE) yield xml.flush();
  }
  xml.end();
}

function writeCodes(xml: XmlWriter, codes: readonly RefiCode[]): XmlWriter {
  const writeCode = (code: RefiCode) => {
    const attributes = { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color };
    if (code.description === undefined && code.children.length === 0) return void xml.empty('Code', attributes);
    xml.start('Code', attributes);
    if (code.description !== undefined) xml.text('Description', code.description);
    code.children.forEach(writeCode);
    xml.end();
  };
  list(xml, 'Codes', codes, writeCode);
  return xml;
}

function writeCase(xml: XmlWriter, refiCase: RefiCase, variables: ReadonlyMap<string, RefiVariable>): void {
  xml.start('Case', { guid: refiCase.guid, name: refiCase.name });
  if (refiCase.description !== undefined) xml.text('Description', refiCase.description);
  for (const value of refiCase.values)
    writeVariableValue(xml, value, variables.get(value.variableGuid)?.type ?? 'Text');
  for (const guid of refiCase.sourceGuids) xml.empty('SourceRef', { targetGUID: guid });
  for (const guid of refiCase.selectionGuids ?? []) xml.empty('SelectionRef', { targetGUID: guid });
  xml.end();
}

function writeVariableValue(xml: XmlWriter, value: RefiVariableValue, type: RefiVariable['type']): void {
  xml
    .start('VariableValue')
    .empty('VariableRef', { targetGUID: value.variableGuid })
    .text(`${type}Value`, value.value)
    .end();
}

function writeSource(xml: XmlWriter, source: RefiSource): void {
  xml.start('TextSource', {
    guid: source.guid,
    name: source.name,
    plainTextPath: source.plainTextPath,
    creatingUser: source.userGuid,
    creationDateTime: source.created,
  });
  if (source.description !== undefined) xml.text('Description', source.description);
  if (source.inlineText !== undefined) xml.text('PlainTextContent', source.inlineText);
  for (const selection of source.selections) writeSelection(xml, selection);
  xml.end();
}

function writeSelection(xml: XmlWriter, selection: RefiSelection): void {
  const attributes = {
    guid: selection.guid,
    name: selection.name,
    startPosition: selection.start,
    endPosition: selection.end,
    creatingUser: selection.userGuid,
    creationDateTime: selection.created,
  };
  if (selection.description === undefined && selection.codings.length === 0 && selection.noteGuids.length === 0)
    return void xml.empty('PlainTextSelection', attributes);
  xml.start('PlainTextSelection', attributes);
  if (selection.description !== undefined) xml.text('Description', selection.description);
  for (const coding of selection.codings) writeCoding(xml, coding);
  for (const guid of selection.noteGuids) xml.empty('NoteRef', { targetGUID: guid });
  xml.end();
}

function writeCoding(xml: XmlWriter, coding: RefiCoding): void {
  xml
    .start('Coding', { guid: coding.guid, creatingUser: coding.userGuid, creationDateTime: coding.created })
    .empty('CodeRef', { targetGUID: coding.codeGuid })
    .end();
}
