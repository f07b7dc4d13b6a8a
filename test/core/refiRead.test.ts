import { strict as assert } from 'node:assert';
import { strToU8 } from 'fflate';
import { readRefiInput } from '../../src/core/refi/readPackage';
import { readRefiXml } from '../../src/core/refi/readXml';
import { MemoryFiles } from '../helpers/memoryFiles';
import { importInto } from '../helpers/refiFixtures';

describe('REFI-QDA XML reading', () => {
  it('names the line and column of malformed XML in the middle of a file', () => {
    const xml =
      '<?xml version="1.0"?>\r\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\r\n  <Codes>\r\n    <Code guid="a" name="x"></Codes>\r\n  </Codes>\r\n</CodeBook>\r\n';
    assert.throws(
      () => readRefiXml('book.qdc', xml),
      /^Error: book\.qdc:4:\d+: the XML is malformed \(.*\)\. Export the file again/,
    );
  });

  it('reads every namespace variant and none at all by local names', () => {
    const variants = ['urn:QDA-XML:codebook:1.0', 'urn:QDA-XML:codebook:1:0', 'urn:QDA-XML:codebook:0:4', ''];
    for (const ns of variants) {
      const xml = `<CodeBook${ns ? ` xmlns="${ns}"` : ''}><Codes><Code guid="{AB-CD}" name="Ja" isCodable="false"><Code guid="ef" name="Nei" color="#ABCDEF"/></Code></Codes><Sets/></CodeBook>`;
      const read = readRefiXml('b.qdc', xml);
      assert.equal(read.kind, 'codebook');
      assert.deepEqual(
        read.kind === 'codebook' && read.codebook.codes,
        [
          {
            guid: 'ab-cd',
            name: 'Ja',
            isCodable: false,
            children: [{ guid: 'ef', name: 'Nei', isCodable: true, color: '#ABCDEF', children: [] }],
          },
        ],
        ns,
      );
    }
  });

  it('reads a UTF-16 XML file and refuses one that is not UTF-8, naming the place', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'<CodeBook><Codes/></CodeBook>'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    assert.equal(readRefiInput({ name: 'w.qdc', bytes: utf16 }).document.kind, 'codebook');
    const latin1 = new Uint8Array([...strToU8('<CodeBook name="'), 0xe6, ...strToU8('"/>')]);
    assert.throws(
      () => readRefiInput({ name: 'l.qdc', bytes: latin1 }),
      /^Error: l\.qdc:1:17: The file is not valid UTF-8/,
    );
  });

  it('imports a bare project.qde whose sources are inline (PlainTextContent), Norwegian letters and an emoji included', async () => {
    const xml = `<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="qc 1.3"><CodeBook><Codes><Code guid="c1" name="Glede" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="s1" name="Inline/tekst?"><PlainTextContent>K4: Blåbær 🫐 og røde epler.</PlainTextContent>
      <PlainTextSelection guid="x1" name="" startPosition="13" endPosition="26"><Coding guid="y1"><CodeRef targetGUID="C1"/></Coding></PlainTextSelection></TextSource></Sources></Project>`;
    const imported = await importInto(new MemoryFiles(), { name: 'project.qde', bytes: strToU8(xml) });
    assert.deepEqual(
      imported.passages.get('transcripts/Inline-tekst.txt')?.map((p) => [p.quote, p.status, p.informant]),
      [['og røde epler', 'exact', 'K4']],
    );
  });
});
