import assert from 'node:assert/strict';
import { agreementMarkdown } from '../../src/core/agreement/agreementMarkdown';
import { computeAgreement, type AgreementReport } from '../../src/core/agreement/computeAgreement';
import type { Disagreement } from '../../src/core/agreement/report';
import { loadProject } from '../../src/core/project/loadProject';
import { AGREEMENT_FIXTURE } from '../helpers/agreementFixture';
import { filesFromDisk } from '../helpers/diskProject';

describe('agreementMarkdown', () => {
  let report: AgreementReport;
  let labelOf: (id: string) => string;
  before(async () => {
    const project = await loadProject(filesFromDisk(AGREEMENT_FIXTURE));
    report = computeAgreement(project, {});
    labelOf = (id) => project.codebook.get(id)?.label ?? id;
  });

  it('says what was compared: coders, transcripts with their characters, and what was left out', () => {
    const md = agreementMarkdown(report, labelOf);
    assert.match(
      md,
      /^# Intercoder agreement\n\nCoders: ingrid, jonas\. The units are the 154 characters of the 2 transcripts every one of them coded;/,
    );
    assert.match(
      md,
      /^- transcripts\/intervju-K1\.txt \(89 characters\)\n- transcripts\/intervju-K2\.txt \(65 characters\)$/m,
    );
    assert.match(md, /^Not compared:\n\n- transcripts\/intervju-K4\.txt: not coded by jonas$/m);
  });

  it('has a table per concept with labels, percentages, kappa, alpha and characters coded, then all concepts', () => {
    const md = agreementMarkdown(report, labelOf);
    assert.match(
      md,
      /^\| Concept \| Agreement \| Cohen's kappa \| Krippendorff's alpha \| Coded by ingrid \| Coded by jonas \|\n\| --- \| ---: \| ---: \| ---: \| ---: \| ---: \|$/m,
    );
    assert.match(md, /^\| Formelt samarbeid \| 87\.7 % \| 0\.630 \| 0\.622 \| 22 \| 41 \|$/m);
    assert.match(md, /^\| Tillit \| 97\.4 % \| 0\.928 \| 0\.928 \| 38 \| 34 \|$/m);
    assert.match(md, /^\| \*\*All concepts\*\* \| 94\.2 % \| 0\.826 \| 0\.826 \| 93 \| 104 \|$/m);
  });

  it('lists disagreements under their concept with place, informant, coders and quote', () => {
    const md = agreementMarkdown(report, labelOf);
    assert.match(
      md,
      /^## Disagreements\n\n### Formelt samarbeid\n\n- `transcripts\/intervju-K2\.txt:3:23` \(K2\), coded by jonas, not by ingrid: “kontaktpersonen min”$/m,
    );
    assert.match(
      md,
      /^### Uformelt samarbeid\n\n- `transcripts\/intervju-K1\.txt:3:28` \(K1\), coded by ingrid, not by jonas: “Jeg”$/m,
    );
  });

  it('falls back to concept ids, shows n/a for undefined figures and escapes Markdown in labels and quotes', () => {
    const nobody = {
      ...report,
      perConcept: [
        {
          ...report.perConcept[0],
          conceptId: 'ukjent_*id*',
          percentAgreement: null,
          alpha: null,
          kappa: { pairs: [], mean: null },
          codedCharacters: {},
        },
      ],
    };
    const md = agreementMarkdown({ ...nobody, disagreements: [] });
    assert.match(md, /^\| ukjent\\_\\\*id\\\* \| n\/a \| n\/a \| n\/a \| 0 \| 0 \|$/m);
    assert.match(md, /^No disagreements\.$/m);
    assert.doesNotMatch(md, /NaN/);
    const starred = agreementMarkdown(
      { ...report, disagreements: [{ ...(report.disagreements[0] as Disagreement), quote: 'a *b* <c>' }] },
      labelOf,
    );
    assert.match(starred, /: “a \\\*b\\\* \\<c\\>”$/m);
  });

  it('adds the kappa of each pair for three coders or more', () => {
    const pairs = [
      { coders: ['a', 'b'] as [string, string], kappa: 0.5 },
      { coders: ['a', 'c'] as [string, string], kappa: null },
      { coders: ['b', 'c'] as [string, string], kappa: -0.25 },
    ];
    const figures = {
      percentAgreement: 50,
      alpha: 0.1,
      kappa: { pairs, mean: 0.125 },
      codedCharacters: { a: 1, b: 2, c: 3 },
    };
    const md = agreementMarkdown(
      {
        ...report,
        coders: ['a', 'b', 'c'],
        perConcept: [{ conceptId: 'tillit', ...figures }],
        overall: figures,
        disagreements: [],
      },
      labelOf,
    );
    assert.match(
      md,
      /^\| Concept \| Agreement \| Cohen's kappa \(mean of pairs\) \| Krippendorff's alpha \| Coded by a \| Coded by b \| Coded by c \|$/m,
    );
    assert.match(md, /^\| Tillit \| 50\.0 % \| 0\.125 \| 0\.100 \| 1 \| 2 \| 3 \|$/m);
    assert.match(
      md,
      /^\| Concept \| κ a–b \| κ a–c \| κ b–c \|\n\| --- \| ---: \| ---: \| ---: \|\n\| Tillit \| 0\.500 \| n\/a \| -0\.250 \|$/m,
    );
  });

  it('says so when no transcript was coded by every coder', () => {
    const md = agreementMarkdown({
      ...report,
      transcripts: [],
      characters: 0,
      perConcept: [],
      disagreements: [],
      orphansSkipped: 2,
    });
    assert.match(md, /No transcript was coded by all of them, so there is nothing to compare\./);
    assert.match(md, /^2 orphaned annotations by these coders were left out/m);
    assert.doesNotMatch(md, /## Agreement per concept/);
  });
});
