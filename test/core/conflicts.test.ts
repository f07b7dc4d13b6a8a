import assert from 'node:assert/strict';
import { findConflicts, resolveAll, resolveConflict } from '../../src/core/yaml/conflicts';

const TWO_BLOCKS = [
  'annotations:',
  '<<<<<<< HEAD',
  '  - id: aaaaaaaa',
  '    memo: Vår æøå',
  '=======',
  '  - id: aaaaaaaa',
  '    memo: Deres 😀',
  '>>>>>>> feature/ny',
  '  - id: cccccccc',
  '<<<<<<< HEAD',
  '=======',
  '  - id: "dddddddd"',
  ">>>>>>> 'other'",
  '',
].join('\n');

describe('findConflicts', () => {
  it('finds each block with its 0-based marker lines, sides, labels and the ids in it', () => {
    const [first, second, ...rest] = findConflicts(TWO_BLOCKS);
    assert.deepEqual(first, {
      startLine: 1,
      endLine: 7,
      ours: '  - id: aaaaaaaa\n    memo: Vår æøå\n',
      theirs: '  - id: aaaaaaaa\n    memo: Deres 😀\n',
      oursLabel: 'HEAD',
      theirsLabel: 'feature/ny',
      ids: ['aaaaaaaa'],
    });
    assert.deepEqual(second, {
      startLine: 9,
      endLine: 12,
      ours: '',
      theirs: '  - id: "dddddddd"\n',
      oursLabel: 'HEAD',
      theirsLabel: "'other'",
      ids: ['dddddddd'],
    });
    assert.deepEqual(rest, []);
  });

  it('reads CRLF files, bare markers and informant codes', () => {
    const [block] = findConflicts('informants:\r\n<<<<<<<\r\n  - code: K3\r\n=======\r\n  - code: L5\r\n>>>>>>>\r\n');
    assert.deepEqual(block, {
      startLine: 1,
      endLine: 5,
      ours: '  - code: K3\r\n',
      theirs: '  - code: L5\r\n',
      oursLabel: '',
      theirsLabel: '',
      ids: ['K3', 'L5'],
    });
  });

  it('reads diff3-style blocks, keeping the base apart from ours', () => {
    const [block] = findConflicts(
      '<<<<<<< ours\n  memo: o\n||||||| base\n  memo: b\n=======\n  memo: t\n>>>>>>> theirs',
    );
    assert.deepEqual(
      [block?.ours, block?.base, block?.theirs, block?.endLine],
      ['  memo: o\n', '  memo: b\n', '  memo: t\n', 6],
    );
  });

  it('ignores incomplete blocks and lines that only look like markers', () => {
    assert.deepEqual(findConflicts('<<<<<<< a\nx\n>>>>>>> b\n'), [], 'no =======');
    assert.deepEqual(findConflicts('a\n=======\nb\n>>>>>>> b\n'), [], 'no <<<<<<<');
    assert.deepEqual(findConflicts('<<<<<<<< a\n=======\n>>>>>>>> b\n'), [], 'eight characters');
    assert.deepEqual(findConflicts('memo: <<<<<<< x\n'), []);
    assert.equal(
      findConflicts('<<<<<<< stale\n<<<<<<< a\no\n=======\nt\n>>>>>>> b\n')[0]?.startLine,
      1,
      'a second <<<<<<< starts over',
    );
  });
});

describe('resolveConflict', () => {
  it('keeps ours, theirs, or both (ours first), and nothing else changes', () => {
    const [first] = findConflicts(TWO_BLOCKS);
    assert.ok(first);
    const lines = TWO_BLOCKS.split('\n');
    const around = (inner: string[]) => [lines[0], ...inner, ...lines.slice(8)].join('\n');
    assert.equal(resolveConflict(TWO_BLOCKS, first, 'ours'), around(['  - id: aaaaaaaa', '    memo: Vår æøå']));
    assert.equal(resolveConflict(TWO_BLOCKS, first, 'theirs'), around(['  - id: aaaaaaaa', '    memo: Deres 😀']));
    assert.equal(
      resolveConflict(TWO_BLOCKS, first, 'both'),
      around(['  - id: aaaaaaaa', '    memo: Vår æøå', '  - id: aaaaaaaa', '    memo: Deres 😀']),
    );
  });

  it('keeps CRLF line breaks and a block at the very end without a final line break', () => {
    const text = 'a\r\n<<<<<<< x\r\nours\r\n=======\r\ntheirs\r\n>>>>>>> y';
    const [block] = findConflicts(text);
    assert.ok(block);
    assert.equal(resolveConflict(text, block, 'theirs'), 'a\r\ntheirs\r\n');
  });

  it('refuses a block that is no longer where it was found', () => {
    const [block] = findConflicts(TWO_BLOCKS);
    assert.ok(block);
    assert.throws(
      () => resolveConflict(`# new first line\n${TWO_BLOCKS}`, block, 'ours'),
      /no conflict block at lines 2-8 any more/,
    );
  });

  it('resolves every block of a file to one side', () => {
    assert.equal(
      resolveAll(TWO_BLOCKS, 'ours'),
      'annotations:\n  - id: aaaaaaaa\n    memo: Vår æøå\n  - id: cccccccc\n',
    );
    assert.equal(findConflicts(resolveAll(TWO_BLOCKS, 'theirs')).length, 0);
  });
});
