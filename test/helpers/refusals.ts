import { strToU8, zipSync } from 'fflate';
import { computeAgreement } from '../../src/core/agreement/computeAgreement';
import { addConcept } from '../../src/core/codebook/addConcept';
import { setConceptColor } from '../../src/core/codebook/editColor';
import type { EditResult } from '../../src/core/codebook/editResult';
import { moveConcept } from '../../src/core/codebook/moveConcept';
import { removeConcept } from '../../src/core/codebook/removeConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import type { Message } from '../../src/core/messages';
import { addEditorSettings, setUpEditorSettings } from '../../src/core/operations/editorSettings';
import { tagPassage, type TagRequest } from '../../src/core/operations/tagPassage';
import { loadProject } from '../../src/core/project/loadProject';
import { compileQuery } from '../../src/core/search/query';
import { importTranscripts } from '../../src/core/transcripts/importTranscripts';
import { TranscriptReadError } from '../../src/core/transcripts/model';
import { readTranscript } from '../../src/core/transcripts/readTranscript';
import { AGREEMENT_FIXTURE } from './agreementFixture';
import { filesFromDisk } from './diskProject';
import { CODEBOOK, K3_TRANSCRIPT, projectFiles } from './project';
import { seededRandomBytes } from './random';

/** Something the core said: its English text and the message to translate. */
export interface Said {
  what: string;
  message: string;
  detail: Message | undefined;
}

/** Every refusal of the codebook edits, tagging, search, transcript import, editor settings and agreement. */
export async function refusalsOfTheCore(): Promise<Said[]> {
  return [
    ...codebookRefusals(),
    ...(await taggingRefusals()),
    ...searchRefusals(),
    ...(await importRefusals()),
    ...(await editorSettingsRefusals()),
    ...(await agreementRefusals()),
  ];
}

function codebookRefusals(): Said[] {
  const edits: Record<string, EditResult> = {
    'no id': addConcept(CODEBOOK, undefined, { id: '', label: 'X' }),
    'id with spaces': addConcept(CODEBOOK, undefined, { id: 'a b', label: 'X' }),
    'no label': addConcept(CODEBOOK, undefined, { id: 'x', label: '' }),
    'label of two lines': renameConcept(CODEBOOK, 'samordning', 'a\nb'),
    'definition of two lines': addConcept(CODEBOOK, undefined, { id: 'x', label: 'X', description: 'a\nb' }),
    'id taken': addConcept(CODEBOOK, undefined, { id: 'samordning', label: 'X' }),
    'unknown parent': addConcept(CODEBOOK, 'nope', { id: 'x', label: 'X' }),
    'conflict markers': addConcept('<<<<<<< ours\nconcepts: []\n=======\n>>>>>>> theirs\n', undefined, {
      id: 'x',
      label: 'X',
    }),
    'not YAML': moveConcept('concepts: [\n', 'x', undefined),
    'not a mapping': moveConcept('- a\n', 'x', undefined),
    'concepts not a list': moveConcept('concepts: 1\n', 'x', undefined),
    'move under itself': moveConcept(CODEBOOK, 'samordning', 'samordning.formell'),
    'children under themselves': removeConcept(CODEBOOK, 'samordning', 'samordning.formell'),
    'not a colour': setConceptColor(CODEBOOK, 'samordning', 'red'),
    'unknown concept': setConceptColor(CODEBOOK, 'nope', '#ffffff'),
  };
  return Object.entries(edits).map(([what, result]) => refusal(what, result));
}

async function taggingRefusals(): Promise<Said[]> {
  const files = projectFiles({ 'k3.txt': K3_TRANSCRIPT });
  const project = await loadProject(files);
  const line = (n: number, from: number, to: number) => ({
    start: { line: n, column: from },
    end: { line: n, column: to },
  });
  const request: TagRequest = {
    transcript: 'transcripts/k3.txt',
    range: line(10, 5, 43),
    concepts: ['koordinator.fallskjerm'],
    created: '2026-11-20T10:12:00Z',
  };
  const requests: Record<string, Partial<TagRequest>> = {
    'not a transcript': { transcript: 'transcripts/none.txt' },
    'unknown concepts': { concepts: ['samordning.formel', 'zzz'] },
    'no concept': { concepts: [] },
    'range outside': { range: line(99, 1, 5) },
    'blank range': { range: { start: { line: 8, column: 33 }, end: { line: 9, column: 1 } } },
  };
  const said: Said[] = [];
  for (const [what, changed] of Object.entries(requests))
    said.push(refusal(what, await tagPassage(files, project, { ...request, ...changed }, seededRandomBytes(1))));
  return said;
}

function searchRefusals(): Said[] {
  const query = { regex: true, caseSensitive: false, wholeWord: false };
  return [
    refusal('empty query', compileQuery({ ...query, pattern: '' })),
    refusal('bad expression', compileQuery({ ...query, pattern: '(' })),
  ];
}

async function importRefusals(): Promise<Said[]> {
  const files: Record<string, Uint8Array> = {
    'old.doc': strToU8('x'),
    'empty.txt': strToU8(' \n'),
    'bad.vtt': strToU8('WEBVT\n\n00:00.000 --> 00:01.000\nHei\n'),
    'cue.vtt': strToU8('WEBVTT\n\n00:01.000 --> 00:00.000\nHei\n'),
    'latin1.txt': Uint8Array.from([0x4b, 0x33, 0x3a, 0x20, 0xe6, 0x0a]),
    'damaged.docx': strToU8('PK\u0003\u0004 not a zip'),
    'nodocument.docx': zipSync({ 'other.xml': strToU8('<x/>') }),
    'badxml.docx': zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') }),
    'latin1.docx': zipSync({ 'word/document.xml': Uint8Array.from([0x3c, 0x61, 0x3e, 0xe6, 0x3c, 0x2f, 0x61, 0x3e]) }),
  };
  const said = Object.entries(files).map(([name, bytes]) => thrown(name, () => readTranscript(name, bytes)));
  const parsed = readTranscript('k.txt', strToU8('Kari: Hei.\n'));
  said.push(
    await thrownAsync('label the pattern refuses', () =>
      importTranscripts(projectFiles(), [parsed], new Map([['Kari', 'kari nordmann']])),
    ),
  );
  const brokenRegistry = projectFiles({}, { 'informants.yaml': 'informants: [\n' });
  said.push(
    await thrownAsync('registry not YAML', () =>
      importTranscripts(brokenRegistry, [parsed], new Map([['Kari', 'K9']])),
    ),
  );
  return said;
}

async function editorSettingsRefusals(): Promise<Said[]> {
  const said: Said[] = [];
  for (const [what, text] of [
    ['not JSON', '{ "a": 1 "b": 2 }'],
    ['not an object', '[1]'],
  ] as const) {
    const merged = addEditorSettings(text, []);
    said.push({
      what,
      message: 'message' in merged ? merged.message : '',
      detail: 'detail' in merged ? merged.detail : undefined,
    });
    const outcome = await setUpEditorSettings(projectFiles({}, { '.vscode/settings.json': text }));
    if (outcome.kind === 'unreadable')
      said.push({ what: `${what} (init)`, message: outcome.problem.message, detail: outcome.problem.detail });
  }
  const latin1 = await setUpEditorSettings(
    projectFiles({}, { '.vscode/settings.json': Uint8Array.from([0x7b, 0xe6, 0x7d]) }),
  );
  if (latin1.kind === 'unreadable')
    said.push({ what: 'settings not UTF-8', message: latin1.problem.message, detail: latin1.problem.detail });
  return said;
}

async function agreementRefusals(): Promise<Said[]> {
  const project = await loadProject(filesFromDisk(AGREEMENT_FIXTURE));
  const report = computeAgreement(project, {});
  const said: Said[] = report.excluded.map((e) => ({
    what: `excluded ${e.path}`,
    message: e.reason,
    detail: e.detail,
  }));
  const coder = report.coders[0] ?? '';
  const options = {
    'unknown coder': { coders: [coder, 'nobody'] },
    'one coder': { coders: [coder] },
    'unknown concept': { concepts: ['nope.nope'] },
  };
  for (const [what, chosen] of Object.entries(options))
    said.push(thrown(what, () => computeAgreement(project, chosen)));
  const uncoded = await loadProject(projectFiles({ 'k3.txt': K3_TRANSCRIPT }));
  said.push(thrown('no coders', () => computeAgreement(uncoded, {})));
  return said;
}

function refusal(what: string, result: { ok: boolean; message?: string; detail?: Message }): Said {
  return { what, message: result.ok ? '(accepted)' : (result.message ?? ''), detail: result.detail };
}

function thrown(what: string, run: () => unknown): Said {
  try {
    run();
    return { what, message: '(nothing thrown)', detail: undefined };
  } catch (error) {
    return saidByError(what, error);
  }
}

async function thrownAsync(what: string, run: () => Promise<unknown>): Promise<Said> {
  try {
    await run();
    return { what, message: '(nothing thrown)', detail: undefined };
  } catch (error) {
    return saidByError(what, error);
  }
}

function saidByError(what: string, error: unknown): Said {
  if (!(error instanceof Error) || !('detail' in error)) throw error;
  if (error instanceof TranscriptReadError || 'code' in error)
    return { what, message: error.message, detail: error.detail as Message };
  throw error;
}
