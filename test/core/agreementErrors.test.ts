import assert from 'node:assert/strict';
import { AgreementError, computeAgreement } from '../../src/core/agreement/computeAgreement';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { renderSidecar } from '../../src/core/sidecar/render';
import { AGREEMENT_FIXTURE } from '../helpers/agreementFixture';
import { filesFromDisk } from '../helpers/diskProject';
import { coded, projectFiles } from '../helpers/project';

/** A passage (first occurrence of the quote), its concept and its coder; a quote not in the text makes an orphan. */
type Coding = [quote: string, concept: string, coder: string];

interface TranscriptSpec {
  text: string;
  codings: Coding[];
  /** The file as stored, when it differs from `text` (a BOM, CRLF line breaks, bad bytes). */
  stored?: string | Uint8Array;
  /** The sidecar as stored, instead of the one rendered from the codings. */
  sidecar?: string;
}

async function projectOf(transcripts: Record<string, TranscriptSpec>): Promise<Project> {
  const files: Record<string, string | Uint8Array> = {};
  let count = 0;
  for (const [name, spec] of Object.entries(transcripts)) {
    const annotations = spec.codings.map(([quote, concept, coder]): Annotation => {
      const fields = { id: `cd${String(++count).padStart(6, '0')}`, concepts: [concept], coder };
      return spec.text.replace(/\r\n/g, '\n').includes(quote) ? coded(spec.text, quote, fields) : { ...fields, quote };
    });
    files[name] = spec.stored ?? spec.text;
    files[`${name}.annotations.yaml`] = spec.sidecar ?? renderSidecar(name, annotations);
  }
  return loadProject(projectFiles(files));
}

describe('computeAgreement errors', () => {
  let project: Project;
  before(async () => {
    project = await loadProject(filesFromDisk(AGREEMENT_FIXTURE));
  });

  function fails(
    options: Parameters<typeof computeAgreement>[1],
    code: AgreementError['code'],
    message: RegExp,
    on: Project = project,
  ): void {
    assert.throws(
      () => computeAgreement(on, options),
      (error: unknown) => {
        assert.ok(error instanceof AgreementError, String(error));
        assert.equal(error.code, code);
        assert.match(error.message, message);
        return true;
      },
    );
  }

  it('needs two coders', async () => {
    fails({ coders: ['ingrid'] }, 'too-few-coders', /two coders or more; only "ingrid" was chosen/);
    fails({ coders: ['ingrid', 'ingrid'] }, 'too-few-coders', /only "ingrid"/);
    const alone = await projectOf({
      'intervju-K1.txt': { text: 'K1: Hei.\n', codings: [['Hei.', 'samordning.formell', 'ingrid']] },
    });
    fails({}, 'too-few-coders', /the annotations name only ingrid/, alone);
  });

  it('names an unknown coder and suggests a known one', () => {
    fails(
      { coders: ['ingrid', 'jonsa'] },
      'unknown-coder',
      /Unknown coder "jonsa" \(did you mean "jonas"\?\); the annotations name ingrid, jonas\./,
    );
  });

  it('names an unknown concept and suggests a known one', () => {
    fails(
      { concepts: ['tilit'] },
      'unknown-concept',
      /Unknown concept "tilit" \(did you mean "tillit"\?\); use ids from codebook\.yaml\./,
    );
  });
});
