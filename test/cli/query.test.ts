import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { qcode, read, SAMPLE, scratchProject, write } from './cliHarness';

interface QueryJson {
  query: string;
  passages: {
    transcript: string;
    range: string;
    quote: string;
    informant: string | null;
    annotations: string[];
    concepts: string[];
  }[];
}

async function queryJson(expression: string, dir = SAMPLE): Promise<QueryJson> {
  const { code, stdout, stderr } = await qcode('query', expression, dir, '--format', 'json');
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as QueryJson;
}

/**
 * The held-out check: what a query should find in the sample project, worked out here from the
 * sidecar YAML, codebook and registry as written, without qcode's loader, anchoring or query engine.
 */
class SidecarModel {
  private readonly subtree = new Map<string, Set<string>>();
  private readonly roles = new Map<string, string>();
  readonly transcripts: {
    path: string;
    text: string;
    lineStarts: number[];
    annotations: { id: string; concepts: string[]; informant?: string; start: number; end: number }[];
  }[] = [];

  constructor(root: string) {
    const walk = (concepts: { id: string; children?: unknown[] }[], above: string[]) => {
      for (const c of concepts) {
        for (const id of [...above, c.id]) this.subtree.set(id, (this.subtree.get(id) ?? new Set()).add(c.id));
        walk((c.children ?? []) as { id: string }[], [...above, c.id]);
      }
    };
    walk(parse(readFileSync(join(root, 'codebook.yaml'), 'utf8')).concepts, []);
    for (const i of parse(readFileSync(join(root, 'informants.yaml'), 'utf8')).informants as {
      code: string;
      role: string;
    }[])
      this.roles.set(i.code, i.role);
    const folder = join(root, 'transcripts');
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      const text = readFileSync(join(folder, name), 'utf8');
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      const sidecar = join(folder, `${name}.annotations.yaml`);
      const entries = existsSync(sidecar)
        ? (parse(readFileSync(sidecar, 'utf8')).annotations as {
            id: string;
            concepts: string[];
            informant?: string;
            range: string;
            quote: string;
          }[])
        : [];
      const annotations = entries.map((a) => {
        const [sl, sc, el, ec] = a.range.split(/[:-]/).map(Number) as [number, number, number, number];
        const start = (lineStarts[sl - 1] as number) + sc - 1;
        const end = (lineStarts[el - 1] as number) + ec - 1;
        assert.equal(text.slice(start, end), a.quote, `the sample's ${a.id} is where its range says`);
        return { id: a.id, concepts: a.concepts, ...(a.informant ? { informant: a.informant } : {}), start, end };
      });
      this.transcripts.push({ path: `transcripts/${name}`, text, lineStarts, annotations });
    }
  }

  concept(id: string): (a: { concepts: string[] }) => boolean {
    return (a) => a.concepts.some((c) => this.subtree.get(id)?.has(c));
  }

  role(role: string): (a: { informant?: string }) => boolean {
    return (a) => a.informant !== undefined && this.roles.get(a.informant) === role;
  }

  /** Per transcript, which characters the annotations that pass cover. */
  chars(test: (a: { concepts: string[]; informant?: string }) => boolean): boolean[][] {
    return this.transcripts.map((t) => {
      const chars = new Array<boolean>(t.text.length).fill(false);
      for (const a of t.annotations.filter(test)) chars.fill(true, a.start, a.end);
      return chars;
    });
  }

  /** The passages of per-transcript character sets as `qcode query` reports them: transcript, range and quote. */
  passages(sets: boolean[][]): { transcript: string; range: string; quote: string }[] {
    return this.transcripts.flatMap((t, i) =>
      runsOf(sets[i] as boolean[]).flatMap(({ start, end }) => {
        const quote = t.text.slice(start, end).trim();
        if (quote === '') return [];
        const from = start + t.text.slice(start, end).search(/\S/);
        return [
          {
            transcript: t.path,
            range: `${this.position(t.lineStarts, from)}-${this.position(t.lineStarts, from + quote.length)}`,
            quote,
          },
        ];
      }),
    );
  }

  private position(lineStarts: number[], offset: number): string {
    const line = lineStarts.filter((s) => s <= offset).length;
    return `${line}:${offset - (lineStarts[line - 1] as number) + 1}`;
  }
}

function runsOf(chars: readonly boolean[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!chars[i]) continue;
    const start = i;
    while (chars[i]) i++;
    runs.push({ start, end: i });
  }
  return runs;
}

const both = (a: boolean[][], b: boolean[][]) => a.map((t, i) => t.map((c, j) => c && !!b[i]?.[j]));
const either = (a: boolean[][], b: boolean[][]) => a.map((t, i) => t.map((c, j) => c || !!b[i]?.[j]));
const neither = (a: boolean[][]) => a.map((t) => t.map((c) => !c));

function found(json: QueryJson): { transcript: string; range: string; quote: string }[] {
  return json.passages.map(({ transcript, range, quote }) => ({ transcript, range, quote }));
}

describe('qcode query: held-out checks on the sample project, against the sidecars as written', () => {
  const model = new SidecarModel(SAMPLE);

  it('and: the text coded with both', async () => {
    const expected = model.passages(
      both(model.chars(model.concept('koordinator')), model.chars(model.concept('bakkebyraakrat'))),
    );
    assert.ok(expected.length >= 2, 'the sample has such passages');
    assert.deepEqual(found(await queryJson('koordinator and bakkebyraakrat')), expected);
  });

  it('or: the text coded with either, joined where it touches', async () => {
    const expected = model.passages(
      either(model.chars(model.concept('samordning.formell')), model.chars(model.concept('tjenestemodell'))),
    );
    assert.deepEqual(found(await queryJson('samordning.formell or tjenestemodell')), expected);
  });

  it('not: the text not coded', async () => {
    const expected = model.passages(neither(model.chars(model.concept('samordning'))));
    assert.deepEqual(found(await queryJson('not samordning')), expected);
  });

  it('overlapping: whole passages that overlap the other', async () => {
    const a = model.chars(model.concept('samordning'));
    const b = model.chars(model.concept('koordinator'));
    const kept = a.map((t, i) => {
      const out = new Array<boolean>(t.length).fill(false);
      for (const run of runsOf(t))
        if ((b[i] as boolean[]).slice(run.start, run.end).some((c) => c)) out.fill(true, run.start, run.end);
      return out;
    });
    const expected = model.passages(kept);
    assert.ok(
      expected.length > 0 && expected.length < model.passages(a).length,
      'some passages are kept and some are not',
    );
    assert.deepEqual(found(await queryJson('samordning overlapping koordinator')), expected);
  });

  it('attribute filters, alone and with a concept', async () => {
    assert.deepEqual(found(await queryJson('role=leder')), model.passages(model.chars(model.role('leder'))));
    const expected = model.passages(
      both(model.chars(model.concept('koordinator')), model.chars(model.role('tjenestemottaker'))),
    );
    assert.deepEqual(found(await queryJson('koordinator and role=tjenestemottaker')), expected);
  });
});

describe('qcode query', () => {
  it('prints JSON as documented, passages in transcript and text order', async () => {
    const json = await queryJson('koordinator.fallskjerm');
    assert.equal(json.query, 'koordinator.fallskjerm');
    assert.ok(json.passages.length > 0);
    for (const p of json.passages)
      assert.deepEqual(Object.keys(p), ['transcript', 'range', 'quote', 'informant', 'annotations', 'concepts']);
    const order = json.passages.map(
      (p) =>
        `${p.transcript}\u0000${p.range
          .split(/[:-]/)
          .map((n) => n.padStart(5, '0'))
          .join(':')}`,
    );
    assert.deepEqual(order, [...order].sort());
    assert.ok(json.passages.every((p) => p.concepts.includes('koordinator.fallskjerm')));
  });

  it('points at the column of a syntax error, exit 2', async () => {
    const { code, stdout, stderr } = await qcode('query', 'koordinator and and ressurser', SAMPLE);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'query: error at column 17: An operand is missing before "and": a concept id, informant=..., or a part in parentheses.\n  koordinator and and ressurser\n                  ^^^\n',
    );
  });

  it('refuses an unknown concept with a suggestion, and warns about an informant no one is', async () => {
    const unknown = await qcode('query', 'koordinatr', SAMPLE);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Did you mean "koordinator"\?/);
    const nobody = await qcode('query', 'informant=Q9', SAMPLE, '--format', 'csv');
    assert.equal(nobody.code, 0);
    assert.match(nobody.stderr, /warning at column 1: No informant has the code "Q9"/);
    assert.match(nobody.stderr, /The query found no passages\./);
    assert.equal(nobody.stdout, '\ufefftranscript,range,informant,quote,concepts,annotations\r\n');
  });

  it('runs a saved query by name, and places its errors in qcode.yaml', async () => {
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'queries:\n  ressurser: koordinator.fallskjerm and ressurser\n  feil: koordinator and\n');
    const saved = await queryJson('ressurser', dir);
    assert.equal(saved.query, 'koordinator.fallskjerm and ressurser');
    assert.deepEqual(saved, await queryJson('koordinator.fallskjerm and ressurser', dir));
    const broken = await qcode('query', 'feil', dir);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /^qcode\.yaml:3:24: query "feil": error at column 16: The query ends too early/);
    const check = await qcode('check', dir, '--format', 'json');
    assert.equal(check.code, 1);
    assert.deepEqual(
      JSON.parse(check.stdout)
        .problems.filter((p: { code: string }) => p.code === 'query-syntax')
        .map((p: { line: number; column: number }) => [p.line, p.column]),
      [[3, 24]],
    );
  });

  it('writes Markdown, a Word document and a file given with --out', async () => {
    const dir = scratchProject();
    const md = await qcode('query', 'koordinator.fallskjerm and ressurser', dir);
    assert.equal(md.code, 0);
    assert.match(
      md.stdout,
      /^# koordinator\.fallskjerm and ressurser\n\n## transcripts\/intervju-L5\.txt\n\n> .+ \(L5\)\n\n\*intervju-L5\.txt \d+:\d+-\d+:\d+ · /,
    );
    const docx = await qcode('query', 'koordinator', dir, '--format', 'docx', '--out', join(dir, 'q.docx'));
    assert.equal(docx.code, 0, docx.stderr);
    assert.match(docx.stderr, /^Wrote \d+ passages to /);
    assert.equal(readFileSync(join(dir, 'q.docx')).subarray(0, 2).toString(), 'PK');
    const csv = await qcode('query', 'key or role=leder', dir, '--format', 'csv', '--out', join(dir, 'q.csv'));
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(read(dir, 'q.csv').startsWith('\ufefftranscript,range,informant,quote'));
  });

  it('needs a query, and a known format', async () => {
    assert.equal((await qcode('query')).code, 2);
    assert.equal((await qcode('query', '  ', SAMPLE)).code, 2);
    assert.equal((await qcode('query', 'koordinator', SAMPLE, '--format', 'xml')).code, 2);
  });
});

describe('qcode export --query NAME', () => {
  it("exports only the annotations of the saved query's passages", async () => {
    const dir = scratchProject();
    write(dir, 'qcode.yaml', 'queries:\n  leder: koordinator and role=leder\n  feil: koordinatr\n');
    const listed = new Set((await queryJson('leder', dir)).passages.flatMap((p) => p.annotations));
    const { code, stdout, stderr } = await qcode('export', dir, '--query', 'leder', '--format', 'json');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /The query "leder" finds \d+ passages?; the export holds their \d+ annotations?\./);
    const exported = new Set(
      (JSON.parse(stdout) as { concepts: { quotes: { id: string }[] }[] }).concepts.flatMap((c) =>
        c.quotes.map((q) => q.id),
      ),
    );
    assert.deepEqual(exported, listed);
    const unknown = await qcode('export', dir, '--query', 'ingen');
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.stderr,
      /No query "ingen" is saved under queries: in qcode\.yaml; the queries are leder, feil\./,
    );
    const broken = await qcode('export', dir, '--query', 'feil');
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /qcode\.yaml:3:9: The query "feil": The concept "koordinatr" is not in codebook\.yaml/);
    assert.equal((await qcode('export', dir, '--query', 'leder', '--format', 'qdpx')).code, 2);
  });
});
