import assert from 'node:assert/strict';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { Problem } from '../../src/core/problems';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { renderSidecar } from '../../src/core/sidecar/render';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { MemoryFiles } from './memoryFiles';

export const CODEBOOK = `# Codebook of the test project.
concepts:
  - id: samordning
    label: Samordning
    description: How services are connected.
    children:
      - id: samordning.formell
        label: Formell samordning
        color: "#4e79a7"
      - id: samordning.uformell
        label: Uformell samordning
  - id: koordinator
    label: Koordinatorroller
    children:
      - id: koordinator.fallskjerm
        label: Fallskjerm
        description: Catches the user when things fall apart.
`;

export const INFORMANTS = `informants:
  - code: K1
    role: tjenestemottaker
  - code: K3
    role: tjenestemottaker
    age: 34
  - code: L5
    role: leder
`;

export const K3_TRANSCRIPT = `Intervju med K3
Dato: 02.04.2019

I: Hvem er det som hjelper deg i hverdagen nå?

K3: Jeg har et veldig godt team. Det er ruskonsulenten her i kommunen, og så har jeg psykiatritjenesten.

I: Hva gjør du utenom kontortid?

K3: Da har jeg nummeret til et par av dem. Det er ikke meningen, men det hjelper.
`;

/** A project with codebook, informants and the given files under transcripts/. */
export function projectFiles(
  transcripts: Record<string, string | Uint8Array> = {},
  extra: Record<string, string | Uint8Array> = {},
): MemoryFiles {
  const files = new MemoryFiles({ 'codebook.yaml': CODEBOOK, 'informants.yaml': INFORMANTS, ...extra });
  for (const [name, content] of Object.entries(transcripts)) files.set(`transcripts/${name}`, content);
  return files;
}

export interface ExpectedProblem {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  severity?: Problem['severity'];
  /** A fragment the message must contain. */
  says?: string;
}

/** The one problem with this code (and file, when given); asserts its place and message. */
export function expectProblem(problems: readonly Problem[], expected: ExpectedProblem): Problem {
  const found = problems.filter(
    (p) => p.code === expected.code && (expected.file === undefined || p.file === expected.file),
  );
  assert.equal(
    found.length,
    1,
    `expected one "${expected.code}" problem, got ${found.length}:\n${JSON.stringify(problems, null, 2)}`,
  );
  const problem = found[0] as Problem;
  if (expected.line !== undefined) assert.equal(problem.line, expected.line, `line of ${expected.code}`);
  if (expected.column !== undefined) assert.equal(problem.column, expected.column, `column of ${expected.code}`);
  if (expected.severity !== undefined) assert.equal(problem.severity, expected.severity);
  if (expected.says !== undefined)
    assert.ok(problem.message.includes(expected.says), `"${problem.message}" does not say "${expected.says}"`);
  return problem;
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

export const L5_TRANSCRIPT = `Intervju med L5, leder

I: Hvordan samarbeider dere med spesialisthelsetjenesten?

L5: Vi har faste møter hver måned, og det er skrevet ned i en avtale.

I: Og ellers?

L5: Ellers ringer vi hverandre når det trengs, det er veldig personavhengig.
`;

/** The passage at the first occurrence of `quote`, as qcode would have saved it (no range drift). */
export function coded(
  raw: string,
  quote: string,
  fields: Partial<Annotation> & { id: string; concepts: string[] },
): Annotation {
  const doc = new TranscriptText(raw);
  const start = doc.text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is not in the transcript`);
  return { ...captureAnchor(doc, start, start + quote.length), ...fields };
}

/** Two coded interviews: K3 (three passages, one orphaned) and L5 (two passages, one by an unregistered M9). */
export function codedProjectFiles(): MemoryFiles {
  const k3 = [
    coded(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', {
      id: 'k3team00',
      concepts: ['samordning.formell'],
      coder: 'ingrid',
      memo: 'Teamet.',
    }),
    coded(K3_TRANSCRIPT, 'Da har jeg nummeret til et par av dem.', {
      id: 'k3numm00',
      concepts: ['koordinator.fallskjerm', 'samordning.uformell'],
      coder: 'ola',
    }),
    {
      id: 'k3gone00',
      concepts: ['samordning.formell'],
      quote: 'Denne setningen finnes ikke lenger i transkripsjonen.',
    },
  ];
  const l5 = [
    coded(L5_TRANSCRIPT, 'Vi har faste møter hver måned, og det er skrevet ned i en avtale.', {
      id: 'l5avta00',
      concepts: ['samordning.formell'],
    }),
    coded(L5_TRANSCRIPT, 'det er veldig personavhengig', {
      id: 'l5pers00',
      concepts: ['samordning.uformell'],
      informant: 'M9',
    }),
  ];
  return projectFiles({
    'intervju-K3.txt': K3_TRANSCRIPT,
    'intervju-K3.txt.annotations.yaml': renderSidecar('intervju-K3.txt', k3),
    'intervju-L5.txt': L5_TRANSCRIPT,
    'intervju-L5.txt.annotations.yaml': renderSidecar('intervju-L5.txt', l5),
  });
}
