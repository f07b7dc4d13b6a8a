import assert from 'node:assert/strict';
import { computeAgreement, type AgreementReport } from '../../src/core/agreement/computeAgreement';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { renderSidecar } from '../../src/core/sidecar/render';
import { AGREEMENT_FIXTURE } from '../helpers/agreementFixture';
import { filesFromDisk } from '../helpers/diskProject';
import { coded, projectFiles } from '../helpers/project';

/** The excluded transcripts as the command line prints them (the translatable detail aside). */
function excludedAsPrinted(report: AgreementReport) {
  return report.excluded.map(({ path, reason }) => ({ path, reason }));
}

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

function threeDecimals(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

function figuresOf(report: AgreementReport, conceptId: string): string[] {
  const row = report.perConcept.find((c) => c.conceptId === conceptId);
  assert.ok(row, `no row for ${conceptId}`);
  return [row.percentAgreement?.toFixed(2) ?? 'n/a', threeDecimals(row.kappa.mean), threeDecimals(row.alpha)];
}

describe('computeAgreement on the two-coder fixture (test/fixtures/agreement)', () => {
  let report: AgreementReport;
  before(async () => {
    report = computeAgreement(await loadProject(filesFromDisk(AGREEMENT_FIXTURE)), {});
  });

  it('compares the transcripts both coders coded, and says which it left out', () => {
    assert.deepEqual(report.coders, ['ingrid', 'jonas']);
    // "I: Hvordan er samarbeidet?\n\nK1: Vi har møter hver uke. Jeg ringer henne når det brenner.\n": 27 + 1 + 61 = 89.
    // "I: Stoler du på dem?\n\nK2: Ja, jeg stoler på kontaktpersonen min.\n": 21 + 1 + 43 = 65.
    assert.deepEqual(report.transcripts, [
      { path: 'transcripts/intervju-K1.txt', characters: 89 },
      { path: 'transcripts/intervju-K2.txt', characters: 65 },
    ]);
    assert.equal(report.characters, 154);
    assert.deepEqual(excludedAsPrinted(report), [
      { path: 'transcripts/intervju-K4.txt', reason: 'not coded by jonas' },
    ]);
    assert.equal(report.orphansSkipped, 0);
  });

  it('has per-concept figures computed by hand from the 2x2 tables (N = 154 characters)', () => {
    // Formelt samarbeid: both 22 ("Vi har møter hver uke."), jonas only 19 ("kontaktpersonen min"), neither 113.
    //   p_o = 135/154 = 87.66 %; kappa = (135*154 - (22*41 + 132*113)) / (154^2 - (22*41 + 132*113)) = 4972/7898 =
    // 0.630.
    //   Coincidences: o11 = 44, o00 = 226, o01 = 19, n1 = 63, n0 = 245, n = 308: alpha = 1 - 307*19/(245*63) = 0.622.
    assert.deepEqual(figuresOf(report, 'samarbeid.formell'), ['87.66', '0.630', '0.622']);
    // Uformelt samarbeid: both 29, ingrid only 4 ("Jeg "), neither 121. p_o = 150/154 = 97.40 %;
    //   kappa = (23100 - (33*29 + 121*125)) / (23716 - 16082) = 7018/7634 = 0.919; alpha = 1 - 307*4/(246*62) = 0.919.
    assert.deepEqual(figuresOf(report, 'samarbeid.uformell'), ['97.40', '0.919', '0.919']);
    // Tillit: both 34, ingrid only 4 ("Ja, "), neither 116. kappa = (23100 - (38*34 + 116*120)) / (23716 - 15212) =
    // 7888/8504 = 0.928;
    //   alpha = 1 - 307*4/(236*72) = 0.928 (0.92756 and 0.92773).
    assert.deepEqual(figuresOf(report, 'tillit'), ['97.40', '0.928', '0.928']);
    assert.deepEqual(
      report.perConcept.map((c) => c.codedCharacters),
      [
        { ingrid: 22, jonas: 41 },
        { ingrid: 33, jonas: 29 },
        { ingrid: 38, jonas: 34 },
      ],
    );
  });

  it('pools the concepts for the overall figures (462 character-concept units)', () => {
    // Both 85, ingrid only 8, jonas only 19, neither 350: p_o = 435/462 = 94.16 %;
    // kappa = (435*462 - (93*104 + 369*358)) / (462^2 - 141774) = 59196/71670 = 0.826;
    // n1 = 197, n0 = 727, n = 924: alpha = 1 - 923*27/(727*197) = 0.826 (0.82596 and 0.82599).
    const { overall } = report;
    assert.deepEqual(
      [overall.percentAgreement?.toFixed(2), threeDecimals(overall.kappa.mean), threeDecimals(overall.alpha)],
      ['94.16', '0.826', '0.826'],
    );
    assert.deepEqual(overall.codedCharacters, { ingrid: 93, jonas: 104 });
    assert.deepEqual(
      overall.kappa.pairs.map((p) => p.coders),
      [['ingrid', 'jonas']],
    );
  });

  it('lists each disagreement with its place, trimmed quote, coders and informant', () => {
    assert.deepEqual(report.disagreements, [
      {
        transcript: 'transcripts/intervju-K2.txt',
        conceptId: 'samarbeid.formell',
        start: 44,
        end: 63,
        startLine: 3,
        startColumn: 23,
        endLine: 3,
        endColumn: 42,
        quote: 'kontaktpersonen min',
        codedBy: ['jonas'],
        notCodedBy: ['ingrid'],
        informant: 'K2',
      },
      {
        transcript: 'transcripts/intervju-K1.txt',
        conceptId: 'samarbeid.uformell',
        start: 55,
        end: 58,
        startLine: 3,
        startColumn: 28,
        endLine: 3,
        endColumn: 31,
        quote: 'Jeg',
        codedBy: ['ingrid'],
        notCodedBy: ['jonas'],
        informant: 'K1',
      },
      {
        transcript: 'transcripts/intervju-K2.txt',
        conceptId: 'tillit',
        start: 26,
        end: 29,
        startLine: 3,
        startColumn: 5,
        endLine: 3,
        endColumn: 8,
        quote: 'Ja,',
        codedBy: ['ingrid'],
        notCodedBy: ['jonas'],
        informant: 'K2',
      },
    ]);
  });

  it('takes a parent concept with the concepts below it that were used, each on its own row', async () => {
    const project = await loadProject(filesFromDisk(AGREEMENT_FIXTURE));
    const parent = computeAgreement(project, { concepts: ['samarbeid'] });
    assert.deepEqual(
      parent.perConcept.map((c) => c.conceptId),
      ['samarbeid', 'samarbeid.formell', 'samarbeid.uformell'],
    );
    assert.deepEqual(figuresOf(parent, 'samarbeid.formell'), figuresOf(report, 'samarbeid.formell'));
    const exact = computeAgreement(project, { concepts: ['tillit'] });
    assert.deepEqual(
      exact.perConcept.map((c) => c.conceptId),
      ['tillit'],
    );
    assert.deepEqual(
      exact.disagreements.map((d) => d.quote),
      ['Ja,'],
    );
  });
});

describe('computeAgreement', () => {
  const K1 = 'I: Hva?\n\nK1: En to tre fire fem seks.\n';

  it('gives kappa per pair, their mean, and one alpha for three coders', async () => {
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre', 'samordning.formell', 'anna'],
          ['to tre fire', 'samordning.formell', 'bjørn'],
          ['fem', 'samordning.formell', 'cecilie'],
        ],
      },
    });
    const report = computeAgreement(project, {});
    // N = 38. "to tre" 6 characters coded by anna and bjørn, " fire" 5 by bjørn only, "fem" 3 by cecilie only, 24 by
    // nobody.
    // anna-bjørn: p_o = 33/38, kappa = (33*38 - (6*11 + 32*27)) / (38^2 - 930) = 324/514 = 0.630.
    // anna-cecilie: kappa = (29*38 - (6*3 + 32*35)) / (1444 - 1138) = -36/306 = -0.118.
    // bjørn-cecilie: kappa = (24*38 - (11*3 + 27*35)) / (1444 - 978) = -66/466 = -0.142. Mean 0.124.
    // alpha (pairs within a unit weighted 1/2): o11 = 6, o01 = 6 + 5 + 3 = 14, o00 = 5 + 3 + 72 = 80,
    // n1 = 20, n0 = 94, n = 114: alpha = 1 - 113*14/(94*20) = 298/1880 = 0.159. All three agree on 24 of 38: 63.16 %.
    const row = report.perConcept[0];
    assert.deepEqual(
      row?.kappa.pairs.map((p) => [p.coders.join('-'), threeDecimals(p.kappa)]),
      [
        ['anna-bjørn', '0.630'],
        ['anna-cecilie', '-0.118'],
        ['bjørn-cecilie', '-0.142'],
      ],
    );
    assert.deepEqual(
      [row?.percentAgreement?.toFixed(2), threeDecimals(row?.kappa.mean ?? null), threeDecimals(row?.alpha ?? null)],
      ['63.16', '0.124', '0.159'],
    );
    assert.deepEqual(
      report.disagreements.map((d) => [d.quote, d.codedBy, d.notCodedBy]),
      [
        ['to tre', ['anna', 'bjørn'], ['cecilie']],
        ['fire', ['bjørn'], ['anna', 'cecilie']],
        ['fem', ['cecilie'], ['anna', 'bjørn']],
      ],
    );
  });

  it('reports n/a (null), never NaN, for a concept nobody coded', async () => {
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre', 'samordning.formell', 'anna'],
          ['to tre', 'samordning.formell', 'bjørn'],
        ],
      },
    });
    const report = computeAgreement(project, { concepts: ['koordinator.fallskjerm', 'samordning.formell'] });
    const nobody = report.perConcept.find((c) => c.conceptId === 'koordinator.fallskjerm');
    assert.deepEqual(nobody, {
      conceptId: 'koordinator.fallskjerm',
      percentAgreement: 100,
      alpha: null,
      kappa: { pairs: [{ coders: ['anna', 'bjørn'], kappa: null }], mean: null },
      codedCharacters: { anna: 0, bjørn: 0 },
    });
    assert.equal(figuresOf(report, 'samordning.formell')[1], '1.000');
    assert.ok(!JSON.stringify(report).includes('NaN'));
  });

  it('skips orphaned annotations and counts them', async () => {
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre', 'samordning.formell', 'anna'],
          ['to tre', 'samordning.formell', 'bjørn'],
          ['Setningen er borte.', 'samordning.formell', 'bjørn'],
        ],
      },
    });
    const report = computeAgreement(project, {});
    assert.equal(report.orphansSkipped, 1);
    assert.deepEqual(report.perConcept[0]?.codedCharacters, { anna: 6, bjørn: 6 });
    assert.deepEqual(report.disagreements, []);
  });

  it('leaves out a transcript a coder coded only with orphans', async () => {
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre', 'samordning.formell', 'anna'],
          ['to', 'samordning.formell', 'bjørn'],
        ],
      },
      'intervju-K3.txt': {
        text: 'K3: Hei.\n',
        codings: [
          ['Hei.', 'samordning.formell', 'anna'],
          ['Borte.', 'samordning.formell', 'bjørn'],
        ],
      },
    });
    const report = computeAgreement(project, {});
    assert.deepEqual(
      report.transcripts.map((t) => t.path),
      ['transcripts/intervju-K1.txt'],
    );
    assert.deepEqual(excludedAsPrinted(report), [
      { path: 'transcripts/intervju-K3.txt', reason: 'not coded by bjørn' },
    ]);
  });

  it('leaves out unreadable transcripts (not UTF-8, conflict markers) and unreadable sidecars, saying why', async () => {
    const both: Coding[] = [
      ['Hei.', 'samordning.formell', 'anna'],
      ['Hei.', 'samordning.formell', 'bjørn'],
    ];
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre', 'samordning.formell', 'anna'],
          ['to', 'samordning.formell', 'bjørn'],
        ],
      },
      'intervju-K2.txt': {
        text: 'K2: Hei.\n',
        stored: Uint8Array.from([0x4b, 0x32, 0x3a, 0x20, 0xc3, 0x28, 0x0a]),
        codings: both,
      },
      'intervju-K3.txt': {
        text: 'K3: Hei.\n',
        stored: '<<<<<<< HEAD\nK3: Hei.\n=======\nK3: Hallo.\n>>>>>>> annen\n',
        codings: both,
      },
      'intervju-K4.txt': {
        text: 'K4: Hei.\n',
        sidecar: 'qcode: 1\nannotations:\n  - id: [ubalansert\n',
        codings: both,
      },
    });
    const report = computeAgreement(project, {});
    assert.deepEqual(
      report.transcripts.map((t) => t.path),
      ['transcripts/intervju-K1.txt'],
    );
    assert.deepEqual(excludedAsPrinted(report), [
      { path: 'transcripts/intervju-K2.txt', reason: 'could not be read as text' },
      { path: 'transcripts/intervju-K3.txt', reason: 'could not be read as text' },
      { path: 'transcripts/intervju-K4.txt', reason: 'not coded by anna, bjørn' },
    ]);
    assert.equal(report.orphansSkipped, 4);
  });

  it('ignores disagreements of whitespace only, though the characters count', async () => {
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre ', 'samordning.formell', 'anna'],
          ['to tre', 'samordning.formell', 'bjørn'],
        ],
      },
    });
    const report = computeAgreement(project, {});
    assert.deepEqual(report.disagreements, []);
    assert.equal(report.perConcept[0]?.percentAgreement?.toFixed(2), ((100 * 37) / 38).toFixed(2));
  });

  it('measures CRLF, BOM and emoji transcripts in UTF-16 units of the text with \\n line breaks', async () => {
    const lf = 'I: Hva skjer? 😀\n\nK1: 😀 Vi ringer hverandre. Det går bra. Æøå!\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const codings: Coding[] = [
      ['Vi ringer hverandre.', 'samordning.uformell', 'anna'],
      ['ringer hverandre. Det går bra.', 'samordning.uformell', 'bjørn'],
    ];
    const plain = computeAgreement(await projectOf({ 'intervju-K1.txt': { text: lf, codings } }), {});
    const windows = computeAgreement(
      await projectOf({ 'intervju-K1.txt': { text: crlf, stored: `\ufeff${crlf}`, codings } }),
      {},
    );
    // 16 + 1 + 1 + 45 + 1 UTF-16 units: each 😀 is two, each line break one (the CRLF ones too).
    assert.equal(plain.characters, 64);
    assert.equal(windows.characters, 64);
    assert.deepEqual(windows.perConcept, plain.perConcept);
    // "K1: " 4, "😀" 2, " " 1: "Vi" starts in column 8; "Det går bra." in column 29.
    const places = (report: AgreementReport) =>
      report.disagreements.map((d) => [
        d.quote,
        `${d.startLine}:${d.startColumn}-${d.endLine}:${d.endColumn}`,
        d.codedBy[0],
      ]);
    assert.deepEqual(places(plain), [
      ['Vi', '3:8-3:10', 'anna'],
      ['Det går bra.', '3:29-3:41', 'bjørn'],
    ]);
    assert.deepEqual(places(windows), places(plain));
    assert.equal(lf.slice(plain.disagreements[1]?.start, plain.disagreements[1]?.end), 'Det går bra.');
  });

  it('uses only the coders asked for, and their transcripts', async () => {
    const project = await projectOf({
      'intervju-K1.txt': {
        text: K1,
        codings: [
          ['to tre', 'samordning.formell', 'anna'],
          ['to tre fire', 'samordning.formell', 'bjørn'],
          ['fem', 'samordning.formell', 'cecilie'],
        ],
      },
      'intervju-K3.txt': {
        text: 'K3: Hei.\n',
        codings: [
          ['Hei.', 'samordning.formell', 'anna'],
          ['Hei.', 'samordning.formell', 'bjørn'],
        ],
      },
    });
    const pair = computeAgreement(project, { coders: ['bjørn', 'anna'] });
    assert.deepEqual(pair.coders, ['bjørn', 'anna']);
    assert.deepEqual(
      pair.transcripts.map((t) => t.path),
      ['transcripts/intervju-K1.txt', 'transcripts/intervju-K3.txt'],
    );
    assert.deepEqual(excludedAsPrinted(computeAgreement(project, {})), [
      { path: 'transcripts/intervju-K3.txt', reason: 'not coded by cecilie' },
    ]);
  });
});
