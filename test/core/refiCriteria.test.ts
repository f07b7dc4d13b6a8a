import assert from 'node:assert/strict';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { loadProject } from '../../src/core/project/loadProject';
import { criteriaOf, describeWithCriteria } from '../../src/core/refi/criteriaText';
import { codebookToRefi } from '../../src/core/refi/exportCodes';
import { importRefi } from '../../src/core/refi/importRefi';
import { writeCodebookXml } from '../../src/core/refi/writeXml';
import { encodeUtf8 } from '../../src/core/text/decode';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { MemoryFiles } from '../helpers/memoryFiles';
import { assertValid } from '../helpers/refiFiles';

const CODEBOOK = `concepts:
  - id: fallskjerm
    label: Fallskjermen
    description: Fanger opp brukeren.
    inclusion: |-
      Tilgjengelig utenom arbeidstid.

      Også på tekstmelding.
    exclusion: Planlagt oppfølging.
    examples: [7f2cq9ma]
    children:
      - id: fallskjerm.natt
        label: Om natten
        exclusion: Dagtid.
`;

function codebookOf(yaml: string) {
  const file = new YamlFile('codebook.yaml', yaml);
  const codebook = readCodebook(file);
  assert.deepEqual(file.problems, []);
  return codebook;
}

describe('criteria in REFI-QDA descriptions', () => {
  it('writes the criteria after the definition as labelled paragraphs', () => {
    const codebook = codebookOf(CODEBOOK);
    assert.equal(
      describeWithCriteria(codebook.get('fallskjerm') ?? {}),
      'Fanger opp brukeren.\n\nInclusion: Tilgjengelig utenom arbeidstid.\n\nOgså på tekstmelding.\n\nExclusion: Planlagt oppfølging.',
    );
    assert.equal(describeWithCriteria(codebook.get('fallskjerm.natt') ?? {}), 'Exclusion: Dagtid.');
    assert.equal(describeWithCriteria({}), undefined);
    assert.equal(describeWithCriteria({ description: '  ', inclusion: '' }), undefined);
  });

  it('reads the labelled paragraphs back, in English or Norwegian, with or without "criteria"', () => {
    assert.deepEqual(criteriaOf('Fanger opp.\n\nInclusion: A\n\nmer A\n\nExclusion: B'), {
      description: 'Fanger opp.',
      inclusion: 'A\n\nmer A',
      exclusion: 'B',
    });
    assert.deepEqual(criteriaOf('Inklusjonskriterier: A\n \nEksklusjon: B'), { inclusion: 'A', exclusion: 'B' });
    assert.deepEqual(criteriaOf('Def.\n\nexclusion criteria:B\n\nInclusion criterion : A'), {
      description: 'Def.',
      exclusion: 'B',
      inclusion: 'A',
    });
    assert.deepEqual(criteriaOf('Bare en definisjon. Inclusion: står ikke først i avsnittet.'), {
      description: 'Bare en definisjon. Inclusion: står ikke først i avsnittet.',
    });
    assert.deepEqual(criteriaOf('Inclusions are many\n\nExclusionary: no'), {
      description: 'Inclusions are many\n\nExclusionary: no',
    });
  });

  it('exports a codebook whose criteria an import brings back, the examples staying at home', async () => {
    const xml = writeCodebookXml(codebookToRefi(codebookOf(CODEBOOK)));
    await assertValid(xml, 'codebook');
    assert.ok(
      !xml.includes('7f2cq9ma'),
      'anchor examples are annotation ids of this project, not part of a REFI-QDA codebook',
    );
    const target = new MemoryFiles();
    const summary = await importRefi(target, { name: 'codebook.qdc', bytes: encodeUtf8(xml) });
    assert.deepEqual(summary.problems, []);
    const imported = (await loadProject(target)).codebook;
    const fields = (label: string) => {
      const c = [...imported.all()].find((concept) => concept.label === label);
      return [c?.description, c?.inclusion, c?.exclusion];
    };
    assert.deepEqual(fields('Fallskjermen'), [
      'Fanger opp brukeren.',
      'Tilgjengelig utenom arbeidstid.\n\nOgså på tekstmelding.',
      'Planlagt oppfølging.',
    ]);
    assert.deepEqual(fields('Om natten'), [undefined, undefined, 'Dagtid.']);
    assert.ok([...imported.all()].every((c) => c.examples === undefined));
  });

  it('adds imported concepts with criteria to a codebook that is there already, checked as it is written', async () => {
    const target = new MemoryFiles({ 'codebook.yaml': 'concepts:\n  - id: annet\n    label: Annet\n' });
    const xml = writeCodebookXml(codebookToRefi(codebookOf(CODEBOOK)));
    const summary = await importRefi(target, { name: 'codebook.qdc', bytes: encodeUtf8(xml) });
    assert.deepEqual(summary.problems, []);
    const project = await loadProject(target);
    assert.deepEqual(
      project.problems.filter((p) => p.file === 'codebook.yaml'),
      [],
    );
    assert.equal(
      [...project.codebook.all()].find((c) => c.label === 'Fallskjermen')?.inclusion,
      'Tilgjengelig utenom arbeidstid.\n\nOgså på tekstmelding.',
    );
    assert.ok((target.text('codebook.yaml') ?? '').startsWith('concepts:\n  - id: annet\n    label: Annet\n'));
  });
});
