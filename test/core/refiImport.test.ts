import { strict as assert } from 'node:assert';
import { sourceName } from '../../src/core/refi/transcriptNames';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { MemoryFiles } from '../helpers/memoryFiles';
import { fixtureFile, fixtureQdpx, importInto, type Imported } from '../helpers/refiFixtures';

function quotes(imported: Imported, transcript: string): string[] {
  return (imported.passages.get(transcript) ?? []).map((p) => p.quote);
}

function summarySets(problems: { kind: string; message: string }[]): string {
  return problems
    .filter((p) => p.kind === 'skipped-sets')
    .map((p) => p.message)
    .join('\n');
}

function statuses(imported: Imported): string[] {
  return [...imported.passages.values()].flat().map((p) => p.status);
}

describe('REFI-QDA import: one fixture per producer', () => {
  it('NVivo 12 for Windows: UTF-16 positions over a BOM+CRLF source, one selection per coding, notes as memos', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('nvivo-win'));
    const { summary, files, concepts } = imported;
    assert.deepEqual(summary.counts, { codes: 3, sources: 1, cases: 1, selections: 4, codings: 4 });
    assert.equal(summary.annotations.added, 3, 'the two selections of one span are one annotation');
    assert.deepEqual(quotes(imported, 'transcripts/Intervju K3.txt'), [
      'Jeg ringer koordinatoren min.',
      'Hun svarer nesten alltid.',
      'Også utenom kontortid?\nK3: Da har jeg nummeret til et par av dem.',
    ]);
    assert.deepEqual(statuses(imported), ['exact', 'exact', 'exact']);
    const [first, second, third] = imported.passages.get('transcripts/Intervju K3.txt') ?? [];
    assert.deepEqual(first?.concepts, ['koordinering.formell', 'koordinering'], 'the parent code was coded directly');
    assert.equal(first?.informant, 'K3');
    assert.equal(first?.coder, 'ingrid');
    assert.equal(second?.memo, 'Svarer også utenfor arbeidstid.');
    assert.equal(third?.coder, 'per', 'the user GUID in braces and upper case is found');
    assert.deepEqual(
      summary.sources.map((s) => [s.offsets?.unit, s.offsets?.crlfAsOne, s.offsets?.basis]),
      [['UTF-16 code units', false, 'origin']],
    );
    const transcript = files.files.get('transcripts/Intervju K3.txt') as Uint8Array;
    assert.notEqual(transcript[0], 0xef, 'the BOM is dropped');
    assert.match(
      files.text('transcripts/Intervju K3.txt') ?? '',
      /røyner på\? 🙂\r\nK3: Jeg/,
      'CRLF and everything else stay as written',
    );
    assert.deepEqual(concepts.get('koordinering'), {
      label: 'Koordinering',
      guid: '0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9',
      color: '#4e79a7',
      description: 'Hvordan tjenestene samordnes.',
    });
    assert.deepEqual(
      concepts.get('koordinering.uformell'),
      { label: 'Uformell', parentId: 'koordinering', guid: '2c3d4e5f-6071-4283-9495-b6c7d8e9f0a1' },
      'a code without a colour has none',
    );
    assert.match(
      files.text('informants.yaml') ?? '',
      /- code: K3\n {4}rolle: tjenestemottaker\n {4}alder: 34\n {4}guid: 5f607182-93a4-45b6-87c8-e9f0a1b2c3d4\n/,
    );
    assert.deepEqual(summary.problems, []);
  });

  it('NVivo 15 for Mac: ignores sources/.root and finds internal://<guid>.txt in sources/', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('nvivo-mac'));
    assert.deepEqual(imported.summary.counts, { codes: 1, sources: 1, cases: 0, selections: 1, codings: 1 });
    assert.deepEqual(quotes(imported, 'transcripts/Intervju L2.txt'), ['Da er det bare legevakten.']);
    assert.deepEqual(statuses(imported), ['exact']);
    assert.deepEqual(
      [...imported.files.files.keys()].filter((p) => p.includes('.root')),
      [],
    );
  });

  it('MAXQDA: upper-case GUIDs, code points with emoji before the passages', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('maxqda'));
    assert.deepEqual(imported.summary.counts, { codes: 2, sources: 1, cases: 0, selections: 2, codings: 2 });
    assert.deepEqual(quotes(imported, 'transcripts/Intervju L5.txt'), [
      'Vi møtes hver fjortende dag i ansvarsgruppa.',
      'brukeren selv er med',
    ]);
    assert.deepEqual(
      imported.passages.get('transcripts/Intervju L5.txt')?.map((p) => p.concepts),
      [['ansvarsgruppe'], ['brukermedvirkning']],
    );
    assert.equal(imported.summary.sources[0]?.offsets?.unit, 'code points');
    assert.equal(imported.concepts.get('ansvarsgruppe')?.guid, 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6');
    assert.equal(imported.concepts.get('ansvarsgruppe')?.color, '#e15759');
  });

  it('qc: no XML declaration, a bare plainTextPath, whole lines named line:N, one code name under two parents', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('qc'));
    assert.deepEqual(imported.summary.counts, { codes: 4, sources: 1, cases: 0, selections: 2, codings: 2 });
    assert.deepEqual(quotes(imported, 'transcripts/intervju-M1.txt'), [
      'M1: Tillit er at noen ringer tilbake.',
      'M1: Og at de husker hva jeg sa sist.',
    ]);
    assert.deepEqual(
      imported.passages.get('transcripts/intervju-M1.txt')?.map((p) => p.concepts),
      [['koordinator.tillit'], ['bruker.tillit']],
    );
    assert.deepEqual(
      imported.summary.sources.map((s) => [s.offsets?.unit, s.offsets?.basis]),
      [['code points', 'standard']],
    );
  });

  it('NVivo: a multi-line code description keeps its line breaks in the codebook', async () => {
    const multiLine = (entries: Record<string, Uint8Array>) => {
      const qde = new TextDecoder().decode(entries['project.qde']);
      entries['project.qde'] = new TextEncoder().encode(
        qde.replace(
          'Hvordan tjenestene samordnes.',
          'Hvordan tjenestene samordnes.\r\n\r\n  Inkluderer: møter og avtaler.  \r\n',
        ),
      );
    };
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('nvivo-win', multiLine));
    assert.equal(
      imported.concepts.get('koordinering')?.description,
      'Hvordan tjenestene samordnes.\n\nInkluderer: møter og avtaler.',
    );
    assert.match(
      imported.files.text('codebook.yaml') ?? '',
      /Hvordan tjenestene samordnes\.\n\s*\n\s*Inkluderer: møter og avtaler\./,
    );
  });

  it('qc: a source without a name is named from its plainTextPath, one named by its GUID is not', async () => {
    const unnamed = (entries: Record<string, Uint8Array>) => {
      const qde = new TextDecoder().decode(entries['project.qde']);
      entries['project.qde'] = new TextEncoder().encode(qde.replace('name="intervju-M1" ', 'name="" '));
    };
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('qc', unnamed));
    assert.deepEqual(
      imported.summary.sources.map((s) => s.transcript),
      ['transcripts/intervju-M1.txt'],
    );
    assert.deepEqual(quotes(imported, 'transcripts/intervju-M1.txt'), [
      'M1: Tillit er at noen ringer tilbake.',
      'M1: Og at de husker hva jeg sa sist.',
    ]);
    const guid = '05050505-0606-4707-8808-09090a0a0b0b';
    assert.equal(sourceName({ guid, name: '', plainTextPath: `internal://${guid}.txt`, selections: [] }), '');
  });

  it('ATLAS.ti: no sources folder, names that start the quotation decide the unit, uncoded quotations, flattened Parent::Child', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('atlas'));
    const { summary, concepts } = imported;
    assert.deepEqual(summary.counts, { codes: 2, sources: 1, cases: 0, selections: 3, codings: 2 });
    assert.deepEqual(quotes(imported, 'transcripts/intervju-M2.txt'), [
      'Ingen, egentlig.',
      'Alle venter på at noen andre skal gjøre noe.\nM2: Til slutt',
      'Til slutt ringte jeg legen selv.',
    ]);
    assert.deepEqual(statuses(imported), ['exact', 'exact', 'exact']);
    // The positions are UTF-16 with CRLF counted as two; neither the origin nor the standard says so, only the names.
    assert.deepEqual(
      summary.sources.map((s) => [s.offsets?.unit, s.offsets?.crlfAsOne, s.offsets?.basis]),
      [['UTF-16 code units', false, 'names']],
    );
    const uncoded = imported.passages.get('transcripts/intervju-M2.txt')?.[2];
    assert.deepEqual(uncoded?.concepts, ['uncoded']);
    assert.equal(uncoded?.memo, 'Brukeren tar saken i egne hender.');
    assert.equal(summary.annotations.uncoded, 1);
    assert.equal(concepts.get('uncoded')?.label, 'Uncoded');
    assert.deepEqual(concepts.get('ansvar'), { label: 'Ansvar' });
    assert.deepEqual(concepts.get('ansvar.ansvarsfraskrivelse'), {
      label: 'Ansvarsfraskrivelse',
      parentId: 'ansvar',
      guid: 'b0b1b2b3-b4b5-4b6b-8b7b-8b9babbbcbdb',
      color: '#ff9da7',
    });
    assert.equal(concepts.get('ansvar.pulverisering')?.parentId, 'ansvar');
  });

  it('QualCoder: code points over the text with CRLF as one, while the file keeps CRLF and had a BOM', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('qualcoder'));
    assert.deepEqual(imported.summary.counts, { codes: 2, sources: 1, cases: 0, selections: 2, codings: 2 });
    assert.deepEqual(quotes(imported, 'transcripts/Intervju K1.txt'), [
      'Ingen visste hvem som hadde ansvaret.',
      'Til slutt fikk jeg en fast kontakt.',
    ]);
    assert.deepEqual(
      imported.summary.sources.map((s) => [s.offsets?.unit, s.offsets?.crlfAsOne, s.offsets?.basis]),
      [['code points', true, 'origin']],
    );
    assert.match(imported.files.text('transcripts/Intervju K1.txt') ?? '', /^I: Fortell[^\uFEFF]*\r\nK1: Jeg/);
  });

  it('a third-party writer: Project.qde, Sources/, a prefixed project:1:0 namespace, GUIDs in braces', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('third-party'));
    assert.deepEqual(imported.summary.counts, { codes: 1, sources: 1, cases: 0, selections: 1, codings: 1 });
    assert.deepEqual(quotes(imported, 'transcripts/Intervju K2.txt'), ['I praksis er det fastlegen.']);
    assert.deepEqual(imported.passages.get('transcripts/Intervju K2.txt')?.[0]?.concepts, [
      'fastlegen-som-koordinator',
    ]);
    assert.equal(imported.concepts.get('fastlegen-som-koordinator')?.guid, 'abcdef01-2345-4678-89ab-cdef01234567');
  });

  it('keeps the selections of a missing source and a selection outside its text as orphans, and reports them', async () => {
    const imported = await importInto(new MemoryFiles(), fixtureQdpx('missing-source'));
    const { summary, files } = imported;
    assert.deepEqual(summary.counts, { codes: 1, sources: 2, cases: 0, selections: 4, codings: 4 });
    assert.deepEqual(
      imported.passages.get('transcripts/Kept.txt')?.map((p) => [p.quote, p.status]),
      [
        ['Så ble det stille.', 'exact'],
        ['[passage at 400-420 of "Kept", not found]', 'orphaned'],
      ],
    );
    assert.equal(summary.annotations.orphaned, 3);
    assert.equal(files.files.has('transcripts/Lost.txt'), false, 'no text is made up for the missing source');
    const lost = readSidecar('lost', files.text('transcripts/Lost.txt.annotations.yaml') ?? '').entries.map(
      (e) => e.annotation,
    );
    assert.deepEqual(
      lost.map((a) => [a.quote, a.concepts, a.range]),
      [
        ['Det som sto i den tapte teksten', ['stillhet'], undefined],
        ['[passage at 50-60 of "Lost", not found]', ['stillhet'], undefined],
      ],
    );
    assert.deepEqual(summary.problems.map((p) => p.kind).sort(), ['missing-source', 'orphan', 'orphan', 'orphan']);
    assert.match(
      summary.problems.find((p) => p.kind === 'missing-source')?.message ?? '',
      /"Lost".*internal:\/\/lost\.txt/,
    );
  });
});

describe('REFI-QDA import: codebooks', () => {
  it('Taguette: prefixed flat names stay flat labels with one-level hyphenated ids; an empty <Sets/> is fine', async () => {
    const { summary, concepts, files } = await importInto(new MemoryFiles(), fixtureFile('taguette.qdc'));
    assert.equal(summary.kind, 'codebook');
    assert.deepEqual(summary.counts, { codes: 4, sources: 0, cases: 0, selections: 0, codings: 0 });
    assert.deepEqual(
      [...concepts].map(([id, c]) => [id, c.label, c.parentId]),
      [
        ['open-privacy', 'open: privacy', undefined],
        ['open-trust', 'open: trust', undefined],
        ['axial-coordination', 'axial: coordination', undefined],
        ['interesting', 'interesting', undefined],
      ],
    );
    assert.equal(concepts.get('open-trust')?.color, '#beaed4');
    assert.equal(concepts.get('interesting')?.description, 'Worth a second look.');
    assert.equal(files.files.has('informants.yaml'), false, 'a codebook has no cases');
  });

  it('ATLAS.ti 8: codebook:0:4 as default namespace; Parent::Child becomes a hierarchy whose parent code comes later', async () => {
    const { concepts } = await importInto(new MemoryFiles(), fixtureFile('atlas-codebook.qdc'));
    assert.deepEqual(
      [...concepts.keys()],
      ['koordinator', 'koordinator.doraapner', 'koordinator.tilrettelegger', 'koordinator.fallskjerm'],
    );
    assert.deepEqual(concepts.get('koordinator'), {
      label: 'Koordinator',
      guid: '1a2b3c4d-0000-4000-8000-00000000000d',
      description: 'Personen som holder trådene.',
    });
    assert.equal(concepts.get('koordinator.tilrettelegger')?.color, '#4e79a7');
  });

  it('codebook:1:0 with a prefix and no XML declaration', async () => {
    const { concepts, summary } = await importInto(new MemoryFiles(), fixtureFile('codebook-1-0.qdc'));
    assert.equal(summary.counts.codes, 3);
    assert.deepEqual(
      [...concepts].map(([id, c]) => [id, c.parentId, c.guid]),
      [
        ['samordning', undefined, 'fedcba98-7654-4321-8fed-cba987654321'],
        ['samordning.formell', 'samordning', 'edcba987-6543-4210-9edc-ba9876543210'],
        ['samordning.uformell', 'samordning', 'dcba9876-5432-4109-8dcb-a98765432109'],
      ],
    );
  });

  it('reports the sets it does not import, with their count and names', async () => {
    const { summary } = await importInto(new MemoryFiles(), fixtureFile('codebook-1-0.qdc'));
    assert.deepEqual(
      summary.problems.map((p) => p.kind),
      ['skipped-sets'],
    );
    assert.match(summary.problems[0]?.message ?? '', /^1 sets were not imported, as qcode has no sets: "Alle"\./);
    const project = await importInto(
      new MemoryFiles(),
      fixtureQdpx('qc', (entries) => {
        const qde = new TextDecoder().decode(entries['project.qde']);
        const sets =
          '<Sets><Set guid="0b0b0b0b-0c0c-4d0d-8e0e-0f0f10101111" name="Mødre"/><Set guid="0c0c0c0c-0d0d-4e0e-8f0f-101011111212" name="Fedre"/></Sets>\n</Project>';
        entries['project.qde'] = new TextEncoder().encode(qde.replace('</Project>', sets));
      }),
    );
    assert.match(
      summarySets(project.summary.problems),
      /2 sets were not imported, as qcode has no sets: "Mødre", "Fedre"/,
    );
    const taguette = await importInto(new MemoryFiles(), fixtureFile('taguette.qdc'));
    assert.deepEqual(taguette.summary.problems, [], 'an empty <Sets/> is nothing to report');
  });
});
