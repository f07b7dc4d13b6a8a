import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { importRefi } from '../../src/core/refi/importRefi';
import { chooseReading, PositionMap, READINGS, readingOfOrigin, type OffsetReading } from '../../src/core/refi/offsets';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { MemoryFiles } from '../helpers/memoryFiles';

/**
 * Positions of a UTF-16 offset of the text as written, counted the way a reading counts, done independently of
 * PositionMap.
 */
function positionIn(text: string, offset: number, reading: OffsetReading): number {
  const before = reading.crlfAsOne ? text.slice(0, offset).replace(/\r\n/g, '\n') : text.slice(0, offset);
  return reading.unit === 'code points' ? [...before].length : before.length;
}

/** Offsets at which a passage may start or end: not inside a CRLF or a surrogate pair. */
function boundaries(text: string): number[] {
  const found = [0];
  for (let i = 0; i < text.length; i++) {
    const next = i + 1;
    const splitsPair = /[\uD800-\uDBFF]/.test(text[i] as string);
    const splitsCrlf = text[i] === '\r' && text[next] === '\n';
    if (!splitsPair && !splitsCrlf) found.push(next);
  }
  return found;
}

const pieces = fc.constantFrom('a', 'b', 'ord', ' ', '\r\n', '\n', 'æ', 'ø', 'å', 'Å', '🙂', '😀', 'K3: ');
const text = fc
  .array(pieces, { minLength: 4, maxLength: 40 })
  .map((p) => p.join(''))
  .filter((t) => t.trim() !== '');

/** A text and a few distinct passages of it that hold more than white space, as UTF-16 offsets. */
const textWithPassages = text.chain((t) => {
  const b = boundaries(t);
  const visible = b.filter((offset) => offset < t.length && /\S/u.test(t[offset] as string));
  const span = fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([k, x, y]): [number, number] => {
    const at = visible[k % visible.length] as number;
    const starts = b.filter((o) => o <= at);
    const ends = b.filter((o) => o > at);
    return [starts[x % starts.length] as number, ends[y % ends.length] as number];
  });
  return fc.tuple(
    fc.constant(t),
    fc.uniqueArray(span, { minLength: 1, maxLength: 4, selector: ([s, e]) => `${s}:${e}` }),
  );
});

function projectXml(origin: string, selections: { start: number; end: number; name: string }[]): string {
  const attr = (v: string) =>
    v
      .replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/</g, '&lt;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;');
  const body = selections
    .map(
      (s, i) =>
        `<PlainTextSelection guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="${attr(s.name)}" startPosition="${s.start}" endPosition="${s.end}"><Coding guid="10000000-0000-4000-8000-${String(i).padStart(12, '0')}"><CodeRef targetGUID="20000000-0000-4000-8000-000000000000"/></Coding></PlainTextSelection>`,
    )
    .join('');
  return `<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="${origin}"><CodeBook><Codes><Code guid="20000000-0000-4000-8000-000000000000" name="Kode" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="30000000-0000-4000-8000-000000000000" name="t" plainTextPath="internal://t.txt">${body}</TextSource></Sources></Project>`;
}

async function importedQuotes(written: string, xml: string): Promise<string[]> {
  const files = new MemoryFiles();
  await importRefi(files, {
    name: 'p.qdpx',
    bytes: zipSync({ 'project.qde': strToU8(xml), 'sources/t.txt': strToU8(`\uFEFF${written}`) }),
  });
  return readSidecar('t', files.text('transcripts/t.txt.annotations.yaml') ?? '').entries.map(
    (e) => e.annotation.quote,
  );
}

const lf = (s: string) => s.replace(/\r\n/g, '\n');
const byStart = (spans: [number, number][]) => [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('REFI-QDA offsets', () => {
  it('maps each reading back to the same UTF-16 offsets (property)', () => {
    fc.assert(
      fc.property(textWithPassages, fc.constantFrom(...READINGS), ([written, spans], reading) => {
        const map = new PositionMap(written, reading);
        for (const [start, end] of spans) {
          assert.deepEqual(map.span(positionIn(written, start, reading), positionIn(written, end, reading)), [
            start,
            end,
          ]);
        }
      }),
    );
  });

  it('reads positions written in any unit back to the same passages, told by the origin (property)', async () => {
    const origins: [string, OffsetReading][] = [
      ['NVivo 12 (Windows)', { unit: 'UTF-16 code units', crlfAsOne: false }],
      ['QualCoder 3.6', { unit: 'code points', crlfAsOne: true }],
      ['MAXQDA 24', { unit: 'code points', crlfAsOne: false }],
    ];
    await fc.assert(
      fc.asyncProperty(textWithPassages, fc.constantFrom(...origins), async ([written, spans], [origin, reading]) => {
        const selections = byStart(spans).map(([s, e]) => ({
          start: positionIn(written, s, reading),
          end: positionIn(written, e, reading),
          name: '',
        }));
        assert.deepEqual(
          await importedQuotes(written, projectXml(origin, selections)),
          byStart(spans).map(([s, e]) => lf(written.slice(s, e))),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('reads positions written in any unit back to the same passages, told by the names (property)', async () => {
    await fc.assert(
      fc.asyncProperty(textWithPassages, fc.constantFrom(...READINGS), async ([written, spans], reading) => {
        const selections = byStart(spans).map(([s, e]) => ({
          start: positionIn(written, s, reading),
          end: positionIn(written, e, reading),
          name: written.slice(s, e),
        }));
        assert.deepEqual(
          await importedQuotes(written, projectXml('SomeTool', selections)),
          byStart(spans).map(([s, e]) => lf(written.slice(s, e))),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('chooses by names first, then by origin, then the standard', () => {
    const written = 'I: 🙂\r\nK3: Ja, det stemmer.\r\n';
    const start = written.indexOf('Ja');
    const utf16 = { name: 'Ja, det', start, end: start + 'Ja, det stemmer.'.length };
    assert.deepEqual(chooseReading(written, [utf16], 'MAXQDA'), {
      unit: 'UTF-16 code units',
      crlfAsOne: false,
      basis: 'names',
    });
    assert.deepEqual(chooseReading(written, [{ ...utf16, name: '' }], 'NVivo 14'), {
      unit: 'UTF-16 code units',
      crlfAsOne: false,
      basis: 'origin',
    });
    assert.deepEqual(chooseReading(written, [{ ...utf16, name: 'line:2' }], 'qc 1.3'), {
      unit: 'code points',
      crlfAsOne: false,
      basis: 'standard',
    });
    assert.deepEqual(chooseReading(written, [], undefined), readingOfOrigin(undefined));
    assert.deepEqual(chooseReading(written, [{ ...utf16, name: '' }], 'QualCoder 3.6'), {
      unit: 'code points',
      crlfAsOne: true,
      basis: 'origin',
    });
  });

  it('gives no passage for positions outside the text, negative, reversed or not whole numbers', () => {
    const map = new PositionMap('æøå 🙂', READINGS[0] as OffsetReading);
    assert.equal(map.length, 5);
    assert.deepEqual(map.span(4, 5), [4, 6]);
    assert.equal(map.span(4, 6), undefined);
    assert.equal(map.span(-1, 2), undefined);
    assert.equal(map.span(3, 2), undefined);
    assert.equal(map.span(Number.NaN, 2), undefined);
  });
});
