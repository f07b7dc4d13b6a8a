import assert from 'node:assert/strict';
import { basename, dirname, joinPath } from '../../src/core/paths';
import { compareProblems, hasErrors, problem } from '../../src/core/problems';

describe('paths', () => {
  it('join project-relative paths, dropping empty, "." and resolving ".." segments', () => {
    assert.equal(joinPath('transcripts', 'a/b.txt'), 'transcripts/a/b.txt');
    assert.equal(joinPath('./transcripts/', '/x.txt'), 'transcripts/x.txt');
    assert.equal(joinPath('a/b', '../c'), 'a/c');
    assert.equal(joinPath('', ''), '');
  });

  it('split off the folder and the name', () => {
    assert.equal(dirname('transcripts/k3.txt'), 'transcripts');
    assert.equal(dirname('k3.txt'), '');
    assert.equal(basename('transcripts/sub/k3.txt'), 'k3.txt');
    assert.equal(basename('k3.txt'), 'k3.txt');
  });
});

describe('problems', () => {
  it('sort by file, then line, then column, and tell whether any is an error', () => {
    const list = [
      problem('b.yaml', 1, 1, 'error', 'x', ''),
      problem('a.yaml', 2, 1, 'warning', 'x', ''),
      problem('a.yaml', 1, 5, 'info', 'x', ''),
      problem('a.yaml', 1, 2, 'info', 'x', ''),
    ];
    assert.deepEqual(
      [...list].sort(compareProblems).map((p) => `${p.file}:${p.line}:${p.column}`),
      ['a.yaml:1:2', 'a.yaml:1:5', 'a.yaml:2:1', 'b.yaml:1:1'],
    );
    assert.equal(hasErrors(list), true);
    assert.equal(hasErrors(list.slice(1)), false);
  });
});
