import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Project, ResolvedAnnotation, TranscriptFile } from '../../src/core/project/model';
import { evaluate } from '../../src/core/query/evaluate';
import { parseQuery, runQuery, type QueryExpression } from '../../src/core/query';
import { runs } from '../helpers/fcRuns';
import {
  QUERY_CONCEPTS,
  QUERY_INFORMANTS,
  queryProject,
  type CodedPassage,
  type GeneratedTranscript,
} from '../helpers/queryProject';

/** A query as the model reads it: the expression without its places in the text. */
type Expr =
  | { kind: 'concept'; ids: string[] }
  | { kind: 'informant' | 'coder'; values: string[] }
  | { kind: 'attribute'; name: string; values: string[] }
  | { kind: 'memo'; text: string }
  | { kind: 'key' }
  | { kind: 'not'; operand: Expr }
  | { kind: 'and' | 'or' | 'overlapping' | 'within-turn'; left: Expr; right: Expr }
  | { kind: 'near' | 'followed-by'; turns: number; left: Expr; right: Expr };

const PRECEDENCE: Record<string, number> = {
  or: 0,
  'followed-by': 1,
  near: 2,
  'within-turn': 3,
  overlapping: 4,
  and: 5,
  not: 6,
};

const operandArb: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom('a', 'a.x', 'a.x.z', 'a.y', 'b', 'c').map((id): Expr => ({ kind: 'concept', ids: [id] })),
  fc
    .constantFrom(['K1'], ['K*'], ['K1', 'L1'], ['M9'], ['*1'])
    .map((values): Expr => ({ kind: 'informant', values: [...values] })),
  fc
    .constantFrom(['bruker'], ['ans*'], ['bruker', 'ansatt'])
    .map((values): Expr => ({ kind: 'attribute', name: 'role', values: [...values] })),
  fc
    .constantFrom(['ingrid'], ['ola', 'ingrid'], ['i*'])
    .map((values): Expr => ({ kind: 'coder', values: [...values] })),
  fc.constantFrom('hjelp', 'HELG', 'i helga').map((text): Expr => ({ kind: 'memo', text })),
  fc.constant<Expr>({ kind: 'key' }),
);

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    operandArb,
    tie('expr').map((operand): Expr => ({ kind: 'not', operand })),
    fc
      .tuple(fc.constantFrom('and', 'or', 'overlapping', 'within-turn'), tie('expr'), tie('expr'))
      .map(([kind, left, right]): Expr => ({ kind: kind as 'and', left, right })),
    fc
      .tuple(fc.constantFrom('near', 'followed-by'), fc.nat(2), tie('expr'), tie('expr'))
      .map(([kind, turns, left, right]): Expr => ({ kind: kind as 'near', turns, left, right })),
  ),
})).expr;

const LABELS = ['K1: ', 'K2: ', 'I: ', 'L1: ', '', ''];
const WORDS = ['ja', 'nei', 'hjelp', 'møte', 'Det', 'NAV.', '(K3)', ''];
const paragraphArb = fc
  .tuple(fc.constantFrom(...LABELS), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }))
  .map(([label, words]) => label + words.join(' '));
const textArb = fc
  .tuple(fc.array(paragraphArb, { minLength: 1, maxLength: 7 }), fc.constantFrom('\n', '\n\n'))
  .map(([paragraphs, gap]) => paragraphs.join(gap));

const rawPassageArb = fc.record({
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  concepts: fc.subarray(Object.keys(QUERY_CONCEPTS), { minLength: 1, maxLength: 2 }),
  informant: fc.option(fc.constantFrom('K1', 'K2', 'L1', 'M9'), { nil: undefined }),
  coder: fc.option(fc.constantFrom('ingrid', 'ola'), { nil: undefined }),
  memo: fc.option(fc.constantFrom('Hjelp i helga.', 'annet'), { nil: undefined }),
  key: fc.boolean(),
  orphan: fc.boolean().map((b) => b && Math.random() < 0.3),
});

const transcriptArb = fc
  .tuple(textArb, fc.array(rawPassageArb, { maxLength: 10 }))
  .map(([text, raw]): Omit<GeneratedTranscript, 'path'> => ({
    text,
    passages: raw.map(({ at, length, ...fields }): CodedPassage => {
      const start = at % text.length;
      return { ...fields, start, end: Math.min(text.length, start + length) };
    }),
  }));

const projectArb = fc
  .array(transcriptArb, { minLength: 1, maxLength: 3 })
  .map((ts) => queryProject(ts.map((t, i) => ({ ...t, path: `transcripts/t${i}.txt` }))));

/** The query as text, with parentheses only where binding needs them, and sometimes more. */
function written(e: Expr, extra: readonly boolean[], at = { i: 0 }): string {
  const wrap = (inner: Expr, needed: boolean) => {
    const text = written(inner, extra, at);
    return needed || extra[at.i++ % extra.length] ? `(${text})` : text;
  };
  switch (e.kind) {
    case 'concept':
      return e.ids[0] as string;
    case 'informant':
    case 'coder':
      return `${e.kind}=${e.values.join(',')}`;
    case 'attribute':
      return `${e.name}=${e.values.join(',')}`;
    case 'memo':
      return `memo~"${e.text}"`;
    case 'key':
      return 'key';
    case 'not':
      return `not ${wrap(e.operand, (PRECEDENCE[e.operand.kind] ?? 9) < PRECEDENCE.not!)}`;
    default: {
      const p = PRECEDENCE[e.kind] as number;
      const op = e.kind === 'near' || e.kind === 'followed-by' ? `${e.kind} ${e.turns}` : e.kind;
      return `${wrap(e.left, (PRECEDENCE[e.left.kind] ?? 9) < p)} ${op} ${wrap(e.right, (PRECEDENCE[e.right.kind] ?? 9) <= p)}`;
    }
  }
}

/** The parsed expression without its spans, to compare with the generated one. */
function bare(e: QueryExpression): Expr {
  const out: Record<string, unknown> = { ...e };
  delete out.span;
  for (const key of ['operand', 'left', 'right']) if (key in out) out[key] = bare(out[key] as QueryExpression);
  return out as Expr;
}

function glob(pattern: string, value: string): boolean {
  if (pattern === '') return value === '';
  if (pattern[0] === '*') return glob(pattern.slice(1), value) || (value !== '' && glob(pattern, value.slice(1)));
  return value !== '' && value[0] === pattern[0] && glob(pattern.slice(1), value.slice(1));
}

/** Whether the model's operand names the annotation. */
function names(e: Expr, r: ResolvedAnnotation): boolean {
  const a = r.annotation as ResolvedAnnotation['annotation'] & { key?: boolean };
  switch (e.kind) {
    case 'concept':
      return a.concepts.some((c) => (QUERY_CONCEPTS[e.ids[0] as string] ?? []).includes(c));
    case 'informant':
      return r.informant !== undefined && e.values.some((v) => glob(v, r.informant as string));
    case 'coder':
      return a.coder !== undefined && e.values.some((v) => glob(v, a.coder as string));
    case 'attribute': {
      const role = r.informant === undefined ? undefined : QUERY_INFORMANTS[r.informant];
      return role !== undefined && e.values.some((v) => glob(v, role));
    }
    case 'memo':
      return a.memo !== undefined && a.memo.toLowerCase().includes(e.text.toLowerCase());
    case 'key':
      return a.key === true;
    default:
      return false;
  }
}

function leaves(e: Expr): Expr[] {
  if (e.kind === 'not') return leaves(e.operand);
  if ('left' in e) return [...leaves(e.left), ...leaves(e.right)];
  return [e];
}

/** The maximal runs of true characters. */
function charRuns(chars: readonly boolean[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!chars[i]) continue;
    const start = i;
    while (i < chars.length && chars[i]) i++;
    found.push({ start, end: i });
  }
  return found;
}

/** The brute-force model: each character in or out, operators character by character or run by run. */
function model(e: Expr, t: TranscriptFile): boolean[] {
  const length = t.doc!.text.length;
  const turnOf = (i: number) => t.turns.reduce((found, turn, k) => (turn.start <= i ? k : found), -1);
  if (e.kind === 'not') return model(e.operand, t).map((c) => !c);
  if (!('left' in e)) {
    const chars = new Array<boolean>(length).fill(false);
    for (const r of t.annotations) {
      if (r.resolution.status === 'orphaned' || !names(e, r)) continue;
      for (let i = r.resolution.start; i < r.resolution.end; i++) chars[i] = true;
    }
    return chars;
  }
  const a = model(e.left, t);
  const b = model(e.right, t);
  if (e.kind === 'and') return a.map((c, i) => c && !!b[i]);
  if (e.kind === 'or') return a.map((c, i) => c || !!b[i]);
  const bRuns = charRuns(b);
  const keep = (run: { start: number; end: number }): boolean => {
    const span = Array.from({ length: run.end - run.start }, (_, k) => run.start + k);
    switch (e.kind) {
      case 'overlapping':
        return span.some((i) => b[i]);
      case 'within-turn': {
        const turn = turnOf(run.start);
        return turn >= 0 && span.every((i) => turnOf(i) === turn) && b.some((c, j) => c && turnOf(j) === turn);
      }
      case 'near':
        return bRuns.some((o) =>
          span.some((i) =>
            Array.from({ length: o.end - o.start }, (_, k) => o.start + k).some(
              (j) => Math.abs(turnOf(i) - turnOf(j)) <= e.turns,
            ),
          ),
        );
      case 'followed-by':
        return bRuns.some((o) => o.start >= run.end && turnOf(o.start) - turnOf(run.end - 1) <= e.turns);
      default:
        throw new Error(`not a relation: ${e.kind}`);
    }
  };
  const chars = new Array<boolean>(length).fill(false);
  for (const run of charRuns(a).filter(keep)) for (let i = run.start; i < run.end; i++) chars[i] = true;
  return chars;
}

function parsed(e: Expr, extra: readonly boolean[]): QueryExpression {
  const text = written(e, extra);
  const result = parseQuery(text);
  assert.ok(result.expression, `${text}: ${result.error?.message}`);
  assert.deepEqual(bare(result.expression), e, `parsed ${text}`);
  return result.expression;
}

describe('coding queries against a brute-force character model (properties)', () => {
  it('parse what they print, binding as documented', () => {
    fc.assert(
      fc.property(exprArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (e, extra) => void parsed(e, extra)),
      runs(500, 41),
    );
  });

  it('cover exactly the characters of the model, as maximal runs, in every transcript', () => {
    fc.assert(
      fc.property(projectArb, exprArb, (project, e) => {
        const { runs: found } = evaluate(parsed(e, [false]), project);
        for (const t of project.transcripts) {
          const got = found.get(t) ?? [];
          got.forEach((run, i) => {
            assert.ok(run.end > run.start, 'a run is never empty');
            if (i > 0) assert.ok(run.start > (got[i - 1]?.end as number), 'runs neither overlap nor touch');
          });
          assert.deepEqual(
            got.map(({ start, end }) => ({ start, end })),
            charRuns(model(e, t)),
            `${written(e, [false])} in ${JSON.stringify(t.doc?.text)}`,
          );
        }
      }),
      runs(400, 42),
    );
  });

  it('give passages trimmed of white space, sorted, with the annotations that brought them', () => {
    fc.assert(
      fc.property(projectArb, exprArb, (project, e) => {
        const result = runQuery(parsed(e, [false]), project);
        const expected = project.transcripts.flatMap((t) => charRuns(model(e, t)).flatMap((run) => trimmed(t, run)));
        assert.deepEqual(
          result.passages.map((p) => ({ path: p.transcript.path, start: p.start, end: p.end })),
          expected,
        );
        const named = leaves(e);
        const plain = !JSON.stringify(e).match(/"kind":"(overlapping|within-turn|near|followed-by)"/);
        for (const p of result.passages) {
          assert.equal(p.quote, p.transcript.doc!.text.slice(p.start, p.end));
          assert.deepEqual(p.range.start, p.transcript.doc!.positionAt(p.start));
          for (const r of p.annotations) {
            assert.ok(
              r.resolution.status !== 'orphaned' && named.some((leaf) => names(leaf, r)),
              `${r.annotation.id} is named by the query`,
            );
            if (plain)
              assert.ok(
                r.resolution.start < widened(p).end && r.resolution.end > widened(p).start,
                `${r.annotation.id} overlaps its passage`,
              );
          }
          assert.deepEqual(new Set(p.concepts), new Set(p.annotations.flatMap((r) => r.annotation.concepts)));
        }
        const orphans = allAnnotations(project).filter(
          (r) => r.resolution.status === 'orphaned' && named.some((leaf) => names(leaf, r)),
        );
        assert.deepEqual(new Set(result.orphans), new Set(orphans));
      }),
      runs(300, 43),
    );
  });

  it('treat each binary operator as the model does on two operands', () => {
    for (const kind of ['and', 'or', 'overlapping', 'within-turn', 'near', 'followed-by'] as const) {
      fc.assert(
        fc.property(projectArb, operandArb, operandArb, fc.nat(2), (project, left, right, turns) => {
          const e: Expr =
            kind === 'near' || kind === 'followed-by' ? { kind, turns, left, right } : { kind, left, right };
          const { runs: found } = evaluate(parsed(e, [false]), project);
          for (const t of project.transcripts)
            assert.deepEqual(
              (found.get(t) ?? []).map(({ start, end }) => ({ start, end })),
              charRuns(model(e, t)),
              kind,
            );
        }),
        runs(150, 44),
      );
    }
  });
});

function trimmed(t: TranscriptFile, run: { start: number; end: number }) {
  const text = t.doc!.text.slice(run.start, run.end);
  if (text.trim() === '') return [];
  const start = run.start + text.length - text.trimStart().length;
  return [{ path: t.path, start, end: start + text.trim().length }];
}

/** The passage with the white space around it, which trimming took off its run. */
function widened(p: { transcript: TranscriptFile; start: number; end: number }): { start: number; end: number } {
  const text = p.transcript.doc!.text;
  let { start, end } = p;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
  while (end < text.length && /\s/.test(text.charAt(end))) end++;
  return { start, end };
}

function allAnnotations(project: Project): ResolvedAnnotation[] {
  return project.transcripts.flatMap((t) => t.annotations);
}
