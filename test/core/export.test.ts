import assert from 'node:assert/strict';
import type { Concept } from '../../src/core/codebook/codebook';
import { quotesToCsv } from '../../src/core/export/csv';
import { quotesToJson } from '../../src/core/export/json';
import { quotesToMarkdown } from '../../src/core/export/markdown';
import { citation, collectQuotes, quoteText, type ConceptQuotes } from '../../src/core/export/quotes';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project, ResolvedAnnotation, TranscriptFile } from '../../src/core/project/model';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { codedProjectFiles } from '../helpers/project';

const CONCEPT: Concept = { id: 'c', label: 'Begrep', description: 'Hva *det* er_', depth: 0, children: [] };
const TRANSCRIPT = { path: 'transcripts/t.txt' } as TranscriptFile;

/** A resolved passage whose current text is `text`, for exercising the writers directly. */
function passage(text: string, fields: Partial<ResolvedAnnotation> = {}): ResolvedAnnotation {
  return {
    annotation: { id: 'abcdefgh', concepts: ['c'], quote: text },
    resolution: {
      status: 'exact',
      start: 0,
      end: text.length,
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: text.length + 1 } },
      confidence: 1,
    },
    transcript: TRANSCRIPT,
    text,
    line: 1,
    column: 1,
    informant: 'K3',
    ...fields,
  };
}
const one = (...quotes: ResolvedAnnotation[]): ConceptQuotes[] => [{ concept: CONCEPT, quotes }];

describe('collectQuotes', () => {
  let project: Project;
  let index: ProjectIndex;
  before(async () => {
    project = await loadProject(codedProjectFiles());
    index = new ProjectIndex(project);
  });

  it('groups passages per concept in codebook order, keeping parents of concepts with passages', () => {
    const groups = collectQuotes(index, {});
    assert.deepEqual(
      groups.map((g) => [g.concept.id, g.quotes.map((q) => q.annotation.id)]),
      [
        ['samordning', []],
        ['samordning.formell', ['k3team00', 'k3gone00', 'l5avta00']],
        ['samordning.uformell', ['k3numm00', 'l5pers00']],
        ['koordinator', []],
        ['koordinator.fallskjerm', ['k3numm00']],
      ],
    );
  });

  it('limits to concept subtrees and informants, dropping concepts left empty', () => {
    assert.deepEqual(
      collectQuotes(index, { concepts: ['koordinator'] }).map((g) => g.concept.id),
      ['koordinator', 'koordinator.fallskjerm'],
    );
    const l5 = collectQuotes(index, { informants: ['L5'] });
    assert.deepEqual(
      l5.map((g) => [g.concept.id, g.quotes.map((q) => q.annotation.id)]),
      [
        ['samordning', []],
        ['samordning.formell', ['l5avta00']],
      ],
    );
  });

  it('writes chapter-ready Markdown: headings by depth, definitions, block quotes with citations', () => {
    const markdown = quotesToMarkdown(
      collectQuotes(index, { concepts: ['samordning.uformell', 'koordinator'] }),
      project.settings,
    );
    assert.equal(
      markdown,
      `### Uformell samordning

> Da har jeg nummeret til et par av dem. (K3)

> det er veldig personavhengig (M9)

## Koordinatorroller

### Fallskjerm

*Catches the user when things fall apart.*

> Da har jeg nummeret til et par av dem. (K3)
`,
    );
  });

  it('writes CSV with a BOM, CRLF rows, one row per passage and concept, status and empty range for orphans', () => {
    const csv = quotesToCsv(collectQuotes(index, { concepts: ['samordning.formell'] }), project.settings);
    assert.ok(
      csv.startsWith('\ufeffconcept,concept_label,informant,quote,transcript,range,status,memo,coder,id,note\r\n'),
    );
    const rows = csv.slice(1).split('\r\n');
    assert.equal(rows.length, 5, 'header, three passages, and the final line break');
    assert.equal(
      rows[1],
      'samordning.formell,Formell samordning,K3,Jeg har et veldig godt team.,transcripts/intervju-K3.txt,6:5-6:33,exact,Teamet.,ingrid,k3team00,',
    );
    assert.equal(
      rows[2],
      'samordning.formell,Formell samordning,,Denne setningen finnes ikke lenger i transkripsjonen.,transcripts/intervju-K3.txt,,orphaned,,,k3gone00,quoted from the sidecar: not found in the text',
    );
    assert.equal(
      rows[3],
      'samordning.formell,Formell samordning,L5,"Vi har faste møter hver måned, og det er skrevet ned i en avtale.",transcripts/intervju-L5.txt,5:5-5:70,exact,,,l5avta00,',
    );
  });

  it('writes JSON with concept, parent, citation, range and null for what is missing', () => {
    const json = JSON.parse(quotesToJson(collectQuotes(index, { concepts: ['koordinator'] }), project.settings));
    assert.deepEqual(json.concepts[1], {
      id: 'koordinator.fallskjerm',
      label: 'Fallskjerm',
      description: 'Catches the user when things fall apart.',
      parent: 'koordinator',
      quotes: [
        {
          id: 'k3numm00',
          text: 'Da har jeg nummeret til et par av dem.',
          citation: '(K3)',
          informant: 'K3',
          transcript: 'transcripts/intervju-K3.txt',
          range: '10:5-10:43',
          status: 'exact',
          concepts: ['koordinator.fallskjerm', 'samordning.uformell'],
          memo: null,
          key: false,
          coder: 'ola',
          note: null,
        },
      ],
    });
    assert.deepEqual(json.concepts[0].quotes, []);
  });
});

describe('export writers', () => {
  it('leave out a leading speaker label and surrounding space', () => {
    const label = new RegExp(DEFAULT_SETTINGS.speakerPattern, 'u');
    assert.equal(quoteText(passage('K3: Ja, det stemmer. '), label), 'Ja, det stemmer.');
    assert.equal(quoteText(passage('Midt i K3: teksten'), label), 'Midt i K3: teksten');
  });

  it('cite with the citation template, "?" without informant', () => {
    assert.equal(citation('({informant})', passage('x')), '(K3)');
    assert.equal(citation('[{informant}, {informant}]', passage('x', { informant: undefined })), '[?, ?]');
  });

  it('quote every line of a multi-paragraph passage and keep Markdown from reading quotes as structure', () => {
    const markdown = quotesToMarkdown(one(passage('- Ja.\n\n# Nei\n1. Kanskje')), DEFAULT_SETTINGS);
    assert.equal(markdown, '## Begrep\n\n*Hva \\*det\\* er\\_*\n\n> \\- Ja.\n>\n> \\# Nei\n> 1\\. Kanskje (K3)\n');
  });

  it('quote CSV fields with commas, quotes and line breaks', () => {
    const csv = quotesToCsv(one(passage('Han sa "nei",\nog gikk.', { informant: undefined })), DEFAULT_SETTINGS);
    assert.ok(csv.includes(',,"Han sa ""nei"",\nog gikk.",transcripts/t.txt,'), csv);
  });
});
