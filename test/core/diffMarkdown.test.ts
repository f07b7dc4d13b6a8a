import assert from 'node:assert/strict';
import fc from 'fast-check';
import { removeConcept } from '../../src/core/codebook/removeConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import { diffJson } from '../../src/core/diff/diffJson';
import { diffMarkdown } from '../../src/core/diff/diffMarkdown';
import { code, plain, shorten, tableRow } from '../../src/core/diff/markdownText';
import { ANNOTATION_CHANGES } from '../../src/core/diff/model';
import { textArb } from '../helpers/arbitraries';
import { runs } from '../helpers/fcRuns';
import { coded, K3_TRANSCRIPT } from '../helpers/project';
import { diffAfter, editAnnotation, editSidecar, editText } from '../helpers/projectEdits';

const K3 = 'transcripts/intervju-K3.txt';
const TRICKY_TURN =
  'K3: Vi skriver `plan|verktøy` og <b>fet</b> tekst til @ingrid på blå ark 😀, og så må æ, ø og å være med i en lang setning som fortsetter langt forbi hundre og tjue tegn før den slutter her.';

/** The cells of a GitHub table row: split at pipes not escaped by a backslash. */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const char = row[i] as string;
    if (char === '\\') cell += char + (row[++i] ?? '');
    else if (char === '|') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.slice(1, -1).map((c) => c.trim());
}

function graphemes(text: string): string[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
}

/** A diff with every kind of annotation change, tricky text and a renamed concept. */
async function trickyDiff() {
  const transcript = `${K3_TRANSCRIPT}\n${TRICKY_TURN}\n`;
  const quote = TRICKY_TURN.slice(4);
  return diffAfter(async (head) => {
    editText(head, K3, () => transcript);
    await editSidecar(head, K3, (list) => [
      ...list,
      coded(transcript, quote, { id: 'k3tric00', concepts: ['koordinator.fallskjerm'], coder: 'kari|<i>' }),
    ]);
    await editSidecar(
      head,
      K3,
      editAnnotation('k3team00', (a) => ({ ...a, memo: 'Første linje | med strek\nandre linje' })),
    );
    await editSidecar(
      head,
      K3,
      editAnnotation('k3numm00', (a) => ({ ...a, concepts: ['koordinator.fallskjerm', 'samordning'] })),
    );
    await editSidecar(head, K3, (list) => list.filter((a) => a.id !== 'k3gone00'));
    const renamed = renameConcept(head.text('codebook.yaml') ?? '', 'koordinator.fallskjerm', 'Fallskjermen');
    assert.ok(renamed.ok);
    head.set('codebook.yaml', renamed.text);
  });
}

describe('diffMarkdown', () => {
  it('says "No coding changes." when nothing changed', async () => {
    assert.equal(diffMarkdown(await diffAfter(() => undefined)), 'No coding changes.\n');
  });

  it('starts with a one-line summary of the counts', async () => {
    const [summary] = diffMarkdown(await trickyDiff()).split('\n');
    assert.equal(
      summary,
      '**Coding changes:** passages 1 added, 1 removed, 1 retagged, 1 memo changed in 1 transcript; concepts 1 renamed.',
    );
  });

  it('writes a table per transcript whose rows keep their five cells whatever the quotes hold', async () => {
    const markdown = diffMarkdown(await trickyDiff());
    assert.match(
      markdown,
      /^### `transcripts\/intervju-K3\.txt`\n\n\| Change \| Line \| Passage \| Concepts \| Coder \|\n/m,
    );
    const rows = markdown
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .slice(2);
    assert.equal(rows.length, 4);
    for (const row of rows) assert.equal(cellsOf(row).length, 5, row);
    assert.deepEqual(
      rows.map((row) => cellsOf(row)[0]?.split(/[: ]/)[0]),
      ['added', 'removed', 'retagged', 'memo'],
    );
  });

  it('escapes backticks, pipes, HTML and mentions in quotes, memos and names', async () => {
    const markdown = diffMarkdown(await trickyDiff());
    const added = markdown.split('\n').find((line) => line.startsWith('| added'));
    assert.ok(added);
    const [, line, passage, concepts, coder] = cellsOf(added);
    assert.equal(line, '12');
    assert.ok(
      passage?.includes(
        'Vi skriver \\`plan\\|verktøy\\` og &lt;b&gt;fet&lt;/b&gt; tekst til @\u200bingrid på blå ark 😀',
      ),
      passage,
    );
    assert.equal(concepts, 'Fallskjermen `koordinator.fallskjerm`');
    assert.equal(coder, 'kari\\|&lt;i&gt;');
    assert.doesNotMatch(markdown, /<(b|i)>/);
    assert.match(markdown, /\| memo changed: “Teamet\.” → “Første linje \\\| med strek andre linje” \|/);
  });

  it('shortens long quotes to about 120 characters with an ellipsis and cites the informant', async () => {
    const added =
      diffMarkdown(await trickyDiff())
        .split('\n')
        .find((line) => line.startsWith('| added')) ?? '';
    const passage = cellsOf(added)[2] ?? '';
    assert.match(passage, /… \(K3\)$/);
    const unescaped = passage
      .replace(/ \(K3\)$/, '')
      .replace(/\\(.)/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/\u200b/g, '');
    assert.ok(graphemes(unescaped).length <= 120, unescaped);
    assert.ok(TRICKY_TURN.startsWith(`K3: ${unescaped.replace(/…$/, '')}`), unescaped);
  });

  it('lists retags with + and − concepts, labelled with ids in backticks, and codebook changes', async () => {
    const markdown = diffMarkdown(await trickyDiff());
    assert.match(
      markdown,
      /\| retagged: \+Samordning `samordning`, −Uformell samordning `samordning\.uformell` \| 10 \| Da har jeg nummeret til et par av dem\. \(K3\) \|/,
    );
    assert.match(markdown, /^### Codebook\n\n- renamed `koordinator\.fallskjerm`: Fallskjerm → Fallskjermen$/m);
  });

  it('lists merged and redefined concepts and changed informants', async () => {
    const diff = await diffAfter(async (head) => {
      const removed = removeConcept(head.text('codebook.yaml') ?? '', 'samordning.uformell', 'samordning.formell');
      assert.ok(removed.ok);
      head.set(
        'codebook.yaml',
        removed.text.replace('How services are connected.', 'Hvordan <em>tjenestene</em> henger sammen.'),
      );
      await editSidecar(
        head,
        K3,
        editAnnotation('k3numm00', (a) => ({ ...a, concepts: ['koordinator.fallskjerm', 'samordning.formell'] })),
      );
      await editSidecar(
        head,
        'transcripts/intervju-L5.txt',
        editAnnotation('l5pers00', (a) => ({ ...a, concepts: ['samordning.formell'] })),
      );
      editText(head, 'informants.yaml', (t) =>
        t.replace('    age: 34\n', '    age: 35\n').concat('  - code: M9\n    role: ansatt\n'),
      );
    });
    const markdown = diffMarkdown(diff);
    assert.equal(
      markdown.split('\n')[0],
      '**Coding changes:** concepts 1 redefined, 1 merged; informants 1 added, 1 changed.',
    );
    assert.match(
      markdown,
      /^- merged Uformell samordning `samordning\.uformell` into Formell samordning `samordning\.formell` \(2 passages\)$/m,
    );
    assert.match(
      markdown,
      /^- redefined Samordning `samordning`: “How services are connected\.” → “Hvordan &lt;em&gt;tjenestene&lt;\/em&gt; henger sammen\.”$/m,
    );
    assert.match(markdown, /^### Informants\n\n- added M9 \(role: ansatt\)\n- changed K3: age 34 → 35$/m);
  });

  it('warns about files that could not be compared', async () => {
    const diff = await diffAfter((head) =>
      editText(head, `${K3}.annotations.yaml`, (t) => `<<<<<<< HEAD\n${t}=======\n>>>>>>> main\n`),
    );
    assert.match(
      diffMarkdown(diff),
      /^> \*\*Not compared:\*\* `transcripts\/intervju-K3\.txt\.annotations\.yaml` could not be read in the head; run `qcode check` there\.$/m,
    );
  });
});

describe('diffJson', () => {
  it('always has the same keys, null for what is absent, and a summary that matches the lists', async () => {
    const diff = await trickyDiff();
    const json = JSON.parse(diffJson(diff)) as Record<string, unknown> & {
      summary: { transcripts: number; annotations: Record<string, number> };
      transcripts: Record<string, unknown[]>[];
    };
    assert.deepEqual(Object.keys(json), ['summary', 'transcripts', 'codebook', 'informants', 'memos', 'unreadable']);
    const [transcript] = json.transcripts;
    assert.ok(transcript);
    for (const kind of ANNOTATION_CHANGES) assert.equal(json.summary.annotations[kind], transcript[kind]?.length, kind);
    const removed = transcript.removed?.[0] as Record<string, unknown>;
    assert.deepEqual(Object.keys(removed), ['id', 'quote', 'informant', 'citation', 'line', 'coder', 'concepts']);
    assert.deepEqual([removed.informant, removed.line, removed.coder], [null, null, null]);
    assert.deepEqual(Object.keys(transcript.memoChanged?.[0] as object), [
      'id',
      'quote',
      'informant',
      'citation',
      'line',
      'coder',
      'concepts',
      'oldMemo',
      'newMemo',
    ]);
  });
});

describe('Markdown text helpers', () => {
  it('keep any text inside its table cell, on one line, without HTML', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (texts) => {
        const row = tableRow([...texts.map(plain), ...texts.map(code)]);
        assert.ok(!/[\n\r\u2028\u2029]/.test(row));
        assert.equal(cellsOf(row).length, texts.length * 2);
        assert.ok(!/<[a-z!/]/i.test(texts.map(plain).join('')));
      }),
      runs(300, 41),
    );
  });

  it('shorten to at most the limit in whole graphemes, keeping short text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 10, max: 150 }), (text, max) => {
        const short = shorten(text, max);
        const flat = text.replace(/\s+/gu, ' ').trim();
        if (graphemes(flat).length <= max) assert.equal(short, flat);
        else {
          assert.ok(graphemes(short).length <= max);
          assert.ok(short.endsWith('…') && flat.startsWith(short.slice(0, -1)));
        }
      }),
      runs(300, 41),
    );
  });

  it('fence code with more backticks than it holds', () => {
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x`'), '`` `x` ``');
    assert.equal(code('koordinator.fallskjerm'), '`koordinator.fallskjerm`');
  });
});
