import assert from 'node:assert/strict';
import type { Element } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { annotationIdOfGuid, stableGuid } from '../../src/core/refi/guids';
import { packageQdpx } from '../../src/core/refi/packageQdpx';
import { projectToRefi } from '../../src/core/refi/projectToRefi';
import { writeCodebookXml, writeProjectXml } from '../../src/core/refi/writeXml';
import { codebookToRefi } from '../../src/core/refi/exportCodes';
import { selectionGuidOf } from '../../src/core/refi/exportSources';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import { normalizeForMatching } from '../../src/core/text/normalize';
import { filesFromDisk, SAMPLE_PROJECT } from '../helpers/diskProject';
import { MemoryFiles } from '../helpers/memoryFiles';
import {
  assertNoBomNoCr,
  assertValid,
  children,
  elements,
  parseXml,
  schemaErrors,
  sliceCodePoints,
  unpackQdpx,
} from '../helpers/refiFiles';
import { CASE_GUID, CRLF_TEXT, hardProjectFiles, ORPHAN_QUOTE } from '../helpers/refiProject';

async function hardProject(): Promise<Project> {
  return loadProject(new MemoryFiles(hardProjectFiles()));
}

/**
 * Every selection's code point slice of its exported source text is the annotation's quote, and starts with its name.
 */
function assertSelectionsMatchQuotes(project: Project, qdpx: Uint8Array): number {
  const unpacked = unpackQdpx(qdpx);
  const annotations = new Map(
    project.transcripts.flatMap((t) => t.annotations).map((r) => [selectionGuidOf(r.annotation.id), r.annotation]),
  );
  let checked = 0;
  for (const source of elements(unpacked.root, 'TextSource')) {
    const text = unpacked.text(`sources/${source.getAttribute('guid')}.txt`);
    for (const selection of children(source, 'PlainTextSelection')) {
      const slice = sliceCodePoints(
        text,
        Number(selection.getAttribute('startPosition')),
        Number(selection.getAttribute('endPosition')),
      );
      const annotation = annotations.get(selection.getAttribute('guid') ?? '');
      assert.ok(annotation, `selection ${selection.getAttribute('guid')} is no annotation`);
      assert.equal(slice, normalizeForMatching(annotation.quote), `selection of ${annotation.id}`);
      assert.ok(slice.startsWith(selection.getAttribute('name') ?? '\u0000'), `name of ${annotation.id}`);
      checked++;
    }
  }
  return checked;
}

describe('REFI-QDA export', () => {
  it('writes the sample project as a package whose project.qde the REFI schema accepts', async () => {
    const project = await loadProject(filesFromDisk(SAMPLE_PROJECT));
    const exported = projectToRefi(project, 'sample-project');
    const qdpx = await packageQdpx(exported);
    const unpacked = unpackQdpx(qdpx);
    await assertValid(unpacked.xmlBytes, 'project');
    const annotations = project.transcripts.flatMap((t) => t.annotations);
    const placed = annotations.filter((r) => r.resolution.status !== 'orphaned').length;
    assert.equal(assertSelectionsMatchQuotes(project, qdpx), annotations.length);
    assert.equal(exported.fromSidecar.length, annotations.length - placed);
    assert.equal(elements(unpacked.root, 'TextSource').length, project.transcripts.length + exported.quoteSources.size);
    assert.equal(elements(unpacked.root, 'Code').length, project.codebook.size);
    assert.equal(elements(unpacked.root, 'Case').length, project.informants.informants.length);
  });

  it('keeps code points, escaping and structure right for CRLF, BOM, emoji, æøå and XML special characters', async () => {
    const project = await hardProject();
    const qdpx = await packageQdpx(projectToRefi(project, 'vanskelig & <prosjekt>'));
    const unpacked = unpackQdpx(qdpx);
    await assertValid(unpacked.xmlBytes, 'project');
    assert.equal(assertSelectionsMatchQuotes(project, qdpx), 6);
    for (const [name, bytes] of Object.entries(unpacked.entries)) assertNoBomNoCr(bytes, name);
    const crlfSource = elements(unpacked.root, 'TextSource').find((s) => s.getAttribute('name') === 'crlf-K1.txt');
    assert.ok(crlfSource);
    assert.equal(unpacked.text(`sources/${crlfSource.getAttribute('guid')}.txt`), CRLF_TEXT);
    assert.equal(unpacked.root.getAttribute('name'), 'vanskelig & <prosjekt>');
  });

  it('puts the positions of a passage after emoji in code points, not UTF-16 units', async () => {
    const exported = projectToRefi(await hardProject(), 'p');
    const selection = exported.project.sources
      .flatMap((s) => s.selections)
      .find((s) => annotationIdOfGuid(s.guid) === 'crf00001');
    const utf16Start = CRLF_TEXT.indexOf('Jeg har en god kontakt');
    assert.ok(selection);
    assert.equal(selection.start, Array.from(CRLF_TEXT.slice(0, utf16Start)).length);
    assert.ok(selection.start < utf16Start, 'the emoji before the passage are counted once each');
    assert.equal(selection.end - selection.start, Array.from('Jeg har en god kontakt 😊 i kommunen.').length);
  });

  it('keeps memos with markup characters, quotes and line breaks, and drops characters XML forbids', async () => {
    const root = unpackQdpx(await packageQdpx(projectToRefi(await hardProject(), 'p'))).root;
    const descriptionOf = (id: string) => {
      const selection = elements(root, 'PlainTextSelection').find(
        (s) => annotationIdOfGuid(s.getAttribute('guid') ?? '') === id,
      );
      return selection && children(selection, 'Description')[0]?.textContent;
    };
    assert.equal(descriptionOf('crf00001'), 'Memo med & < > " \' og\nen ny linje\r\nog CRLF.');
    assert.equal(descriptionOf('emj00001'), 'Kontrolltegn  og  fjernes.');
    assert.equal(descriptionOf('crf00002'), undefined);
  });

  it('nests codes as the concepts nest, with #rrggbb colours and descriptions', async () => {
    const root = unpackQdpx(await packageQdpx(projectToRefi(await hardProject(), 'p'))).root;
    const codebook = children(children(children(root, 'CodeBook')[0] as never, 'Codes')[0] as never, 'Code');
    assert.deepEqual(
      codebook.map((c) => c.getAttribute('name')),
      ['Samordning & <samarbeid>', 'Fallskjermen'],
    );
    const [samordning] = codebook;
    assert.ok(samordning);
    assert.equal(samordning.getAttribute('color'), '#4E79A7');
    assert.equal(
      children(samordning, 'Description')[0]?.textContent,
      'Hvordan tjenester henger sammen.\nAndre linje med "sitat" og \'apostrof\'.',
    );
    const [formell, uformell] = children(samordning, 'Code');
    assert.equal(formell?.getAttribute('color'), '#aabbcc');
    assert.equal(uformell?.hasAttribute('color'), false);
    const plan = formell && children(formell, 'Code')[0];
    assert.equal(plan?.getAttribute('name'), 'Individuell plan – æøå ÆØÅ');
    assert.equal(plan?.getAttribute('color'), '#112233');
    assert.equal(plan?.getAttribute('guid'), stableGuid('concept', 'samordning.formell.plan'));
    assert.ok(elements(root, 'Code').every((c) => c.getAttribute('isCodable') === 'true'));
  });

  it('turns informants into cases, each attribute into one typed variable, and the guid attribute into the case GUID', async () => {
    const exported = projectToRefi(await hardProject(), 'p');
    const types = Object.fromEntries(exported.project.variables.map((v) => [v.name, v.type]));
    assert.deepEqual(types, {
      role: 'Text',
      age: 'Integer',
      active: 'Boolean',
      interviewed: 'Text',
      note: 'Text',
      height: 'Text',
      mixed: 'Text',
      bydel: 'Text',
    });
    const [k1, k2, l5] = exported.project.cases;
    assert.equal(k1?.guid, CASE_GUID);
    assert.equal(k2?.guid, stableGuid('case', 'K2'));
    assert.equal(k1?.values.length, 8);
    assert.equal(l5?.values.length, 1);
    const root = parseXml(writeProjectXml(exported.project));
    const valuesOf = (name: string) => elements(root, 'Case').find((c) => c.getAttribute('name') === name);
    const k1Values = children(valuesOf('K1') as never, 'VariableValue').map(
      (v) => `${(v.childNodes[3] as unknown as { localName: string }).localName}=${v.textContent?.trim()}`,
    );
    assert.ok(k1Values.includes('IntegerValue=34'), k1Values.join(', '));
    assert.ok(k1Values.includes('BooleanValue=true'), k1Values.join(', '));
    assert.ok(k1Values.includes('TextValue=a & b <c> "d"'), k1Values.join(', '));
    const expected = ['crf00001', 'crf00002', 'crf00003', 'emj00001', 'hand-made id'].map(selectionGuidOf);
    assert.deepEqual(
      elements(root, 'SelectionRef').map((r) => r.getAttribute('targetGUID')),
      expected,
    );
    assert.equal(annotationIdOfGuid(expected[0] as string), 'crf00001');
  });

  it('types dates as Date when every value is a real day', async () => {
    const files = new MemoryFiles({
      ...hardProjectFiles(),
      'informants.yaml':
        'informants:\n  - code: K1\n    interviewed: 2019-03-12\n  - code: K2\n    interviewed: 2020-02-29\n',
    });
    const exported = projectToRefi(await loadProject(files), 'p');
    assert.deepEqual(
      exported.project.variables.map((v) => v.type),
      ['Date'],
    );
    await assertValid(writeProjectXml(exported.project), 'project');
  });

  it('keeps an orphaned annotation as a selection of a source made of saved quotes, and counts codings of unknown concepts', async () => {
    const project = await hardProject();
    const exported = projectToRefi(project, 'p');
    assert.deepEqual(
      exported.fromSidecar.map((r) => r.annotation.id),
      ['rph00001'],
    );
    assert.equal(exported.unknownConceptCodings, 1);
    const root = parseXml(writeProjectXml(exported.project));
    assert.equal(root.getElementsByTagName('PlainTextSelection').length, 6);
    const quotes = elements(root, 'TextSource').filter((s) =>
      / \(quotes from the sidecar\)\.txt$/.test(s.getAttribute('name') ?? ''),
    );
    assert.equal(quotes.length, 1);
    assert.match(children(quotes[0] as Element, 'Description')[0]?.textContent ?? '', /not the transcript/);
    const [selection] = children(quotes[0] as Element, 'PlainTextSelection');
    assert.equal(selection?.getAttribute('name'), ORPHAN_QUOTE);
    assert.equal(exported.texts.get(quotes[0]?.getAttribute('guid') ?? ''), `${ORPHAN_QUOTE}\n`);
    assert.deepEqual(
      [...exported.quoteSources.values()],
      [quotes[0]?.getAttribute('name')?.replace(' (quotes from the sidecar)', '')],
    );
  });

  it('gives the same bytes when exporting twice', async () => {
    const first = await packageQdpx(projectToRefi(await hardProject(), 'p'));
    const second = await packageQdpx(projectToRefi(await hardProject(), 'p'));
    assert.ok(first.length > 0);
    assert.deepEqual(second, first);
  });

  it('gives the same bytes in every time zone (the zip entries carry a fixed local time)', async () => {
    const project = await hardProject();
    const zone = process.env.TZ;
    const inZone = async (tz: string) => {
      process.env.TZ = tz;
      return packageQdpx(projectToRefi(project, 'p'));
    };
    try {
      assert.deepEqual(await inZone('Pacific/Kiritimati'), await inZone('America/Los_Angeles'));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('writes a codebook the codebook schema accepts', async () => {
    const xml = writeCodebookXml(codebookToRefi((await hardProject()).codebook));
    await assertValid(xml, 'codebook');
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"'));
    assert.equal(parseXml(xml).getElementsByTagName('Code').length, 5);
  });

  it('has a validator that rejects a broken file', async () => {
    const project = await hardProject();
    const xml = writeProjectXml(projectToRefi(project, 'p').project);
    const wrongOrder = xml.replace(/(<Users>[\s\S]*?<\/Users>\n)([\s\S]*?<\/CodeBook>\n)/, '$2$1');
    assert.notEqual(wrongOrder, xml);
    assert.ok((await schemaErrors(wrongOrder, 'project')).length > 0);
    assert.ok((await schemaErrors(xml.replace('isCodable="true"', 'isCodable="yes"'), 'project')).length > 0);
    assert.ok((await schemaErrors(writeCodebookXml({ codes: [] }), 'codebook')).length > 0);
  });

  it('writes ids.json mapping every code GUID to its concept id', async () => {
    const project = await hardProject();
    const unpacked = unpackQdpx(await packageQdpx(projectToRefi(project, 'p')));
    const ids = JSON.parse(strFromU8(unpacked.entries['qcode/ids.json'] as Uint8Array)) as {
      concepts: Record<string, string>;
    };
    assert.deepEqual(
      Object.values(ids.concepts),
      [...project.codebook.all()].map((c) => c.id),
    );
    for (const code of elements(unpacked.root, 'Code'))
      assert.ok(ids.concepts[code.getAttribute('guid') ?? ''], code.getAttribute('name') ?? '');
  });
});
