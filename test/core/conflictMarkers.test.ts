import assert from 'node:assert/strict';
import { CONFLICT_ADVICE, findConflictMarker } from '../../src/core/text/conflictMarkers';

describe('findConflictMarker', () => {
  it('finds the 1-based line of the first <<<<<<< or >>>>>>> line', () => {
    assert.equal(findConflictMarker('a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> branch\n'), 2);
    assert.equal(findConflictMarker('a\nb\n>>>>>>> theirs'), 3);
    assert.equal(findConflictMarker('<<<<<<<\r\nx\r\n'), 1);
  });

  it('ignores text that only looks similar', () => {
    assert.equal(findConflictMarker('no markers here\n'), undefined);
    assert.equal(findConflictMarker('a <<<<<<< b\n'), undefined, 'not at the start of a line');
    assert.equal(findConflictMarker('<<<<<<<<\n'), undefined, 'eight, not seven');
    assert.equal(findConflictMarker('<<<<<<<x\n'), undefined);
    assert.equal(findConflictMarker('=======\n'), undefined, 'a separator alone is a Markdown heading underline');
  });

  it('comes with advice that says how to resolve the conflict', () => {
    assert.match(CONFLICT_ADVICE, /<<<<<<<, ======= and >>>>>>>/);
  });
});
