import assert from 'node:assert/strict';
import { checkJson, qcode, read, SAMPLE, scratchProject } from './cliHarness';
import { join } from 'node:path';

describe('qcode tag', () => {
  it('adds an annotation with quote, context, informant and coder, touching no other line', async () => {
    const dir = scratchProject();
    const sidecarPath = 'transcripts/intervju-K2.txt.annotations.yaml';
    const before = read(dir, sidecarPath);
    const result = await qcode(
      'tag',
      join(dir, 'transcripts/intervju-K2.txt'),
      '--range',
      '21:5-21:25',
      '--concept',
      'ressurser',
      '--memo',
      'Kø',
      '--coder',
      'kari',
    );
    assert.equal(result.code, 0, result.stderr);
    const id = result.stdout.split(' ')[0] as string;
    assert.match(id, /^[0-9a-hjkmnp-tv-z]{8}$/);
    const after = read(dir, sidecarPath);
    assert.match(
      after,
      new RegExp(
        `- id: ${id}\\n {4}concepts: \\[ressurser\\]\\n {4}informant: K2\\n {4}range: 21:5-21:24\\n {4}quote: Der har jeg vært på\\n`,
      ),
    );
    assert.match(after, /memo: Kø\n {4}coder: kari\n/);
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    assert.deepEqual(removed, []);
    const report = await checkJson(dir);
    assert.equal(report.files.flatMap((f) => f.annotations).find((a) => a.id === id)?.status, 'exact');
  });

  it('refuses a range outside the transcript and an unknown concept, with exit 1', async () => {
    const dir = scratchProject();
    const outside = await qcode(
      'tag',
      join(dir, 'transcripts/intervju-K2.txt'),
      '--range',
      '99:1-99:4',
      '--concept',
      'ressurser',
    );
    assert.equal(outside.code, 1);
    assert.match(outside.stderr, /99:1-99:4 is outside the text \(it has \d+ lines/);
    const unknown = await qcode(
      'tag',
      join(dir, 'transcripts/intervju-K2.txt'),
      '--range',
      '21:5-21:25',
      '--concept',
      'resurser',
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown concept "resurser" \(did you mean "ressurser"\?\)/);
  });

  it('treats a malformed range or a missing concept as a usage error (exit 2)', async () => {
    assert.equal(
      (await qcode('tag', join(SAMPLE, 'transcripts/intervju-K2.txt'), '--range', '15-20', '--concept', 'ressurser'))
        .code,
      2,
    );
    assert.equal((await qcode('tag', join(SAMPLE, 'transcripts/intervju-K2.txt'), '--range', '15:5-15:25')).code, 2);
  });
});

describe('qcode export', () => {
  it('writes chapter-ready Markdown: heading, definition, block quotes with citations', async () => {
    const result = await qcode('export', SAMPLE, '--format', 'md');
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /^### Fallskjermen\n\n\*Available, also outside working hours, and catches the user when life falls apart\.\*\n\n> /m,
    );
    assert.match(result.stdout, /^> Da har jeg nummeret til et par av dem\. \(K3\)$/m);
    assert.doesNotMatch(result.stdout, /^> K3: /m);
  });

  it('filters by concept subtree and informant', async () => {
    const result = await qcode('export', SAMPLE, '--format', 'json', '--concept', 'koordinator', '--informant', 'K3');
    const data = JSON.parse(result.stdout) as {
      concepts: { id: string; quotes: { informant: string; citation: string }[] }[];
    };
    assert.ok(data.concepts.every((c) => c.id.startsWith('koordinator')));
    const quotes = data.concepts.flatMap((c) => c.quotes);
    assert.ok(quotes.length >= 2);
    assert.ok(quotes.every((q) => q.informant === 'K3' && q.citation === '(K3)'));
  });

  it('writes CSV with a header row to --out', async () => {
    const dir = scratchProject();
    const result = await qcode('export', dir, '--format', 'csv', '--out', join(dir, 'quotes.csv'));
    assert.equal(result.code, 0);
    const csv = read(dir, 'quotes.csv');
    assert.ok(csv.startsWith('\ufeffconcept,concept_label,informant,quote,'));
    assert.match(
      csv,
      /\r\nkoordinator\.fallskjerm,Fallskjermen,K3,Da har jeg nummeret til et par av dem\.,transcripts\/intervju-K3\.txt,21:5-21:43,exact,Tilgjengelig utenfor arbeidstid\.,ingrid,49q4zh6q,\r\n/,
    );
  });

  it('rejects an unknown concept filter as a usage error', async () => {
    const result = await qcode('export', SAMPLE, '--concept', 'nope');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown concept "nope"/);
  });
});
