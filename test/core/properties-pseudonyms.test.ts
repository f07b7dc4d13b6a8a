import assert from 'node:assert/strict';
import fc from 'fast-check';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { loadProject } from '../../src/core/project/loadProject';
import { moveRanges } from '../../src/core/anchoring/moveRanges';
import { compileKey } from '../../src/core/pseudonyms/matcher';
import { OffsetMap } from '../../src/core/pseudonyms/offsetMap';
import { replaceKeyEntries } from '../../src/core/pseudonyms/replaceText';
import { pseudonymizeProject } from '../../src/core/pseudonyms/pseudonymizeProject';
import { renderSidecar } from '../../src/core/sidecar/render';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { runs } from '../helpers/fcRuns';
import { projectFiles } from '../helpers/project';

const NAMES = ['Kari', 'Kari Nordmann', 'Ola', 'Tromsø', 'Åse', 'NAV Tromsø', 'Bodø'];
const WORDS = ['og', 'hun', 'sa', 'at', 'det', 'var', 'Karin', 'kontor', 'møte', 'i', 'Olav', 'legen'];
const SEPARATORS = [' ', ' ', ', ', '. ', '\n', '\n\n', 's ', "'s ", '’s '];

const keyArb = fc
  .subarray(NAMES, { minLength: 1 })
  .chain((names) =>
    fc
      .tuple(...names.map((name) => fc.constantFrom(`[${name.slice(0, 1)}1]`, '[X]', '[sted]')))
      .map((replacements) => names.map((name, i) => ({ name, replacement: replacements[i] as string }))),
  );

const wordArb = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NAMES, 'kari', 'TROMSØ', 'ola'));
const textArb = fc
  .array(fc.tuple(wordArb, fc.constantFrom(...SEPARATORS)), { minLength: 3, maxLength: 40 })
  .map((parts) => `K3: ${parts.map(([w, s]) => w + s).join('')}\n`);

const annotationsArb = (text: string) =>
  fc
    .array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.boolean()), { minLength: 1, maxLength: 6 })
    .map((spans) => {
      const doc = new TranscriptText(text);
      return spans.flatMap(([a, b, orphan], i): Annotation[] => {
        const [start, end] = wholeWords(text, a <= b ? [a, b] : [b, a]);
        if (text.slice(start, end).trim() === '') return [];
        const anchor = captureAnchor(doc, start, end);
        const quote = orphan ? `Kari fant ikke ${i} dette` : anchor.quote;
        return [
          {
            id: `a${String(i).padStart(7, '0')}`,
            concepts: ['samordning'],
            range: anchor.range,
            quote,
            before: anchor.before,
            after: anchor.after,
            memo: 'Kari og Ola i Tromsø',
          },
        ];
      });
    });

describe('properties of pseudonymizing', () => {
  it("leaves no key entry anywhere, keeps every annotation's status, and changes only what the key matches", async function () {
    this.timeout(120000); // each run loads the project twice
    await fc.assert(
      fc.asyncProperty(
        keyArb,
        textArb.chain((text) => fc.tuple(fc.constant(text), annotationsArb(text))),
        async (key, [text, annotations]) => {
          const keyText = key.map((e) => `${JSON.stringify(e.name)}: ${JSON.stringify(e.replacement)}\n`).join('');
          const files = projectFiles(
            { 't.txt': text, 't.txt.annotations.yaml': renderSidecar('t.txt', annotations) },
            { 'pseudonyms.yaml': keyText },
          );
          const before = await loadProject(files);
          const matcher = compileKey(key);
          await pseudonymizeProject(
            files,
            ['transcripts/t.txt'],
            { codebook: 'codebook.yaml', informants: 'informants.yaml' },
            matcher,
            false,
          );
          const after = await loadProject(files);
          assert.deepEqual(
            after.problems.filter((p) => p.code === 'pseudonym-leak').map((p) => `${p.file}:${p.line}:${p.column}`),
            [],
          );
          const status = (p: typeof before) =>
            p.transcripts[0]?.annotations.map((a) => `${a.annotation.id} ${a.resolution.status}`).sort();
          assert.deepEqual(status(after), status(before));
          assert.equal(files.text('transcripts/t.txt'), outsideMatchesKept(text, matcher));
        },
      ),
      runs(100, 20261202),
    );
  });
});

describe('moving offsets through replacements', () => {
  it('moves every offset as moveRanges moves a range through the same edits', () => {
    fc.assert(
      fc.property(keyArb, textArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (key, text, picks) => {
        const replaced = replaceKeyEntries(text, compileKey(key));
        const map = new OffsetMap(replaced.rounds);
        for (const pick of picks) {
          const offset = pick % (text.length + 1);
          const range = { start: offset, end: offset };
          for (const round of replaced.rounds) moveRanges([range], round);
          assert.equal(map.map(offset, 'start'), range.start, `start at ${offset}`);
          assert.equal(map.map(offset, 'end'), range.end, `end at ${offset}`);
        }
      }),
      runs(300, 20261203),
    );
  });
});

/**
 * Passages are tagged in whole words; one that cuts a word ("Kari" of "Karin") quotes a fragment that reads as the
 * entry.
 */
function wholeWords(text: string, [start, end]: [number, number]): [number, number] {
  const letter = (i: number) => /[\p{L}\p{M}\p{N}]/u.test(text[i] ?? '');
  while (start > 0 && letter(start - 1) && letter(start)) start--;
  while (end < text.length && letter(end - 1) && letter(end)) end++;
  return [start, end];
}

/** The text with each match replaced and every character outside the matches where it was. */
function outsideMatchesKept(text: string, matcher: ReturnType<typeof compileKey>): string {
  let out = '';
  let cursor = 0;
  for (const m of matcher.find(text)) {
    out += text.slice(cursor, m.start) + m.replacement;
    cursor = m.end;
  }
  return out + text.slice(cursor);
}
