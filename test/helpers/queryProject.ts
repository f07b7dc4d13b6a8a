import { captureAnchor } from '../../src/core/anchoring/capture';
import { Codebook, type Concept } from '../../src/core/codebook/codebook';
import { InformantRegistry } from '../../src/core/informants/registry';
import type { Project, ResolvedAnnotation, TranscriptFile } from '../../src/core/project/model';
import { DEFAULT_SETTINGS, speakerRegExp } from '../../src/core/settings/settings';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { speakerTurns } from '../../src/core/speakers/turns';
import { TranscriptText } from '../../src/core/text/transcriptText';

/** An annotation of a generated transcript: its passage as offsets, and the fields a query reads. */
export interface CodedPassage {
  start: number;
  end: number;
  concepts: string[];
  informant?: string;
  coder?: string;
  memo?: string;
  key?: boolean;
  /** Orphaned: no place in the text. */
  orphan?: boolean;
}

export interface GeneratedTranscript {
  path: string;
  text: string;
  passages: CodedPassage[];
}

/** The concept tree of generated projects: a with a.x and a.y (a.x with a.x.z), b, c. */
export const QUERY_CONCEPTS: Record<string, string[]> = {
  a: ['a', 'a.x', 'a.x.z', 'a.y'],
  'a.x': ['a.x', 'a.x.z'],
  'a.x.z': ['a.x.z'],
  'a.y': ['a.y'],
  b: ['b'],
  c: ['c'],
};

export const QUERY_INFORMANTS: Record<string, string> = { K1: 'bruker', K2: 'bruker', L1: 'ansatt' };

function concept(id: string, depth: number, children: Concept[] = [], parentId?: string): Concept {
  return { id, label: id.toUpperCase(), depth, children, ...(parentId ? { parentId } : {}) };
}

function codebook(): Codebook {
  const z = concept('a.x.z', 2, [], 'a.x');
  return new Codebook([
    concept('a', 0, [concept('a.x', 1, [z], 'a'), concept('a.y', 1, [], 'a')]),
    concept('b', 0),
    concept('c', 0),
  ]);
}

/** A project held in memory, as loadProject would make it, with every annotation exact where generated. */
export function queryProject(transcripts: readonly GeneratedTranscript[]): Project {
  const settings = { ...DEFAULT_SETTINGS };
  const informants = new InformantRegistry(
    Object.entries(QUERY_INFORMANTS).map(([code, role]) => ({ code, attributes: { role } })),
  );
  const files = transcripts.map((t, index) => transcriptFile(t, index));
  return { settings, codebook: codebook(), informants, transcripts: files, problems: [] };
}

function transcriptFile(generated: GeneratedTranscript, index: number): TranscriptFile {
  const doc = new TranscriptText(generated.text);
  const file: TranscriptFile = {
    path: generated.path,
    sidecarPath: `${generated.path}.annotations.yaml`,
    doc,
    hadBom: false,
    turns: speakerTurns(doc.text, speakerRegExp(DEFAULT_SETTINGS)),
    sidecarReadable: true,
    annotations: [],
  };
  file.annotations = generated.passages.map((p, i) => resolved(file, doc, p, `q${index}x${i}`.padEnd(8, '0')));
  return file;
}

function resolved(
  transcript: TranscriptFile,
  doc: TranscriptText,
  passage: CodedPassage,
  id: string,
): ResolvedAnnotation {
  const anchor = captureAnchor(doc, passage.start, passage.end);
  const annotation: Annotation = {
    id,
    concepts: passage.concepts,
    ...anchor,
    ...(passage.informant !== undefined ? { informant: passage.informant } : {}),
    ...(passage.coder !== undefined ? { coder: passage.coder } : {}),
    ...(passage.memo !== undefined ? { memo: passage.memo } : {}),
    ...(passage.key ? { key: true } : {}),
  };
  const resolution: ResolvedAnnotation['resolution'] = passage.orphan
    ? { status: 'orphaned', reason: { template: 'gone', args: {} } }
    : { status: 'exact', start: passage.start, end: passage.end, range: anchor.range, confidence: 1 };
  return {
    annotation,
    resolution,
    transcript,
    text: anchor.quote,
    line: 1,
    column: 1,
    ...(passage.informant !== undefined ? { informant: passage.informant } : {}),
  };
}
