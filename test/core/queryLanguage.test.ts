import assert from 'node:assert/strict';
import { parseQuery, type QueryExpression } from '../../src/core/query';

/** The expression in prefix form, to compare binding at a glance: (and a (not b)). */
function shape(e: QueryExpression): string {
  switch (e.kind) {
    case 'concept':
      return e.ids.join('|');
    case 'informant':
    case 'coder':
      return `${e.kind}=${e.values.join(',')}`;
    case 'attribute':
      return `${e.name}=${e.values.join(',')}`;
    case 'memo':
      return `memo~${JSON.stringify(e.text)}`;
    case 'key':
      return 'key';
    case 'not':
      return `(not ${shape(e.operand)})`;
    case 'near':
    case 'followed-by':
      return `(${e.kind} ${e.turns} ${shape(e.left)} ${shape(e.right)})`;
    default:
      return `(${e.kind} ${shape(e.left)} ${shape(e.right)})`;
  }
}

function parsed(text: string): string {
  const result = parseQuery(text);
  assert.ok(result.expression, result.error?.message);
  return shape(result.expression);
}

function error(text: string): { column: number; endColumn: number; message: string } {
  const result = parseQuery(text);
  assert.ok(result.error, `"${text}" should not parse`);
  assert.equal(result.error.code, 'query-syntax');
  return result.error;
}

describe('the query language', () => {
  it('binds not, and, overlapping, within-turn, near, followed-by, or from tightest to loosest', () => {
    assert.equal(
      parsed('a or b followed-by 1 c near 2 d within-turn e overlapping f and not g'),
      '(or a (followed-by 1 b (near 2 c (within-turn d (overlapping e (and f (not g)))))))',
    );
    assert.equal(parsed('not a and b or c'), '(or (and (not a) b) c)');
    assert.equal(parsed('a and b or c and d'), '(or (and a b) (and c d))');
  });

  it('groups operators of one level from the left, and as parentheses say', () => {
    assert.equal(parsed('a and b and c'), '(and (and a b) c)');
    assert.equal(parsed('a near 1 b near 2 c'), '(near 2 (near 1 a b) c)');
    assert.equal(parsed('a and (b or c)'), '(and a (or b c))');
    assert.equal(parsed('not (a or b)'), '(not (or a b))');
    assert.equal(parsed('not not a'), '(not (not a))');
  });

  it('reads every kind of operand', () => {
    assert.equal(parsed('koordinator.fallskjerm'), 'koordinator.fallskjerm');
    assert.equal(parsed('informant=K3'), 'informant=K3');
    assert.equal(parsed('informant=K*,L5'), 'informant=K*,L5');
    assert.equal(parsed('role=tjenestemottaker'), 'role=tjenestemottaker');
    assert.equal(parsed('unit="Psykisk helse og rus"'), 'unit=Psykisk helse og rus');
    assert.equal(parsed('coder=ingrid, ola'), 'coder=ingrid,ola');
    assert.equal(parsed('memo~"i helga"'), 'memo~"i helga"');
    assert.equal(parsed('memo~helg'), 'memo~"helg"');
    assert.equal(parsed('memo~"sa \\"nei\\" og \\\\"'), 'memo~"sa \\"nei\\" og \\\\"');
    assert.equal(parsed('key'), 'key');
    assert.equal(parsed('concept=and or concept="a(b)"'), '(or and a(b))');
  });

  it('takes keywords in any case and needs no space around parentheses', () => {
    assert.equal(parsed('A AND NOT b Or Key'), '(or (and A (not b)) key)');
    assert.equal(parsed('(a)and(b)'), '(and a b)');
    assert.equal(parsed('a Followed-By 3 b'), '(followed-by 3 a b)');
  });

  it('keeps where each part is written', () => {
    const result = parseQuery('  koordinator and (role=leder)');
    assert.ok(result.expression?.kind === 'and');
    assert.deepEqual(result.expression.span, { start: 2, end: 30 });
    assert.deepEqual(result.expression.left.span, { start: 2, end: 13 });
    assert.deepEqual(result.expression.right.span, { start: 18, end: 30 });
  });

  it('says what is wrong and at which column', () => {
    assert.deepEqual(pick(error('')), { column: 1, says: 'empty' });
    assert.deepEqual(pick(error('   ')), { column: 1, says: 'empty' });
    assert.deepEqual(pick(error('koordinator and and bolig')), {
      column: 17,
      says: 'An operand is missing before "and"',
    });
    assert.deepEqual(pick(error('koordinator and')), { column: 16, says: 'ends too early' });
    assert.deepEqual(pick(error('koordinator bolig')), { column: 13, says: '"bolig" cannot follow here' });
    assert.deepEqual(pick(error('koordinator not bolig')), { column: 13, says: 'write "and not"' });
    assert.deepEqual(pick(error('(koordinator or bolig')), { column: 22, says: 'The "(" at column 1 is not closed' });
    assert.deepEqual(pick(error('koordinator)')), { column: 12, says: 'closes no "("' });
    assert.deepEqual(pick(error('a near b')), { column: 8, says: '"near" needs a number' });
    assert.deepEqual(pick(error('a followed-by')), { column: 14, says: '"followed-by" needs a number' });
    assert.deepEqual(pick(error('a near -1 b')), { column: 8, says: '"near" needs a number' });
    assert.deepEqual(pick(error('memo~"helg')), { column: 6, says: 'quotation mark at column 6 is not closed' });
    assert.deepEqual(pick(error('informant=')), { column: 11, says: 'ends too early' });
    assert.deepEqual(pick(error('informant=,K3')), { column: 11, says: '"informant=" needs a value' });
    assert.deepEqual(pick(error('informant=""')), { column: 11, says: '"informant=" needs a value' });
    assert.deepEqual(pick(error('role~leder')), { column: 1, says: 'Only the memo' });
    assert.deepEqual(pick(error('= K3')), { column: 1, says: '"=" cannot start an operand' });
    assert.deepEqual(pick(error('a and ()')), { column: 8, says: '")" cannot start an operand' });
  });

  it('marks the whole part an error is about', () => {
    const e = error('koordinator and and bolig');
    assert.equal(e.endColumn - e.column, 3);
  });
});

function pick(e: { column: number; message: string }): { column: number; says: string } {
  const says = [
    'empty',
    'An operand is missing before "and"',
    'ends too early',
    '"bolig" cannot follow here',
    'write "and not"',
    'The "(" at column 1 is not closed',
    'closes no "("',
    '"near" needs a number',
    '"followed-by" needs a number',
    'quotation mark at column 6 is not closed',
    '"informant=" needs a value',
    'Only the memo',
    '"=" cannot start an operand',
    '")" cannot start an operand',
  ].find((s) => e.message.includes(s));
  return { column: e.column, says: says ?? e.message };
}
