import { strict as assert } from 'node:assert';
import { codersByCount, coderViewShows, readCoderView, type CoderView } from '../../src/core/coders/coderView';
import type { Annotation } from '../../src/core/sidecar/annotation';

const by = (coder: string | undefined, id = 'aaaaaaaa'): Annotation => ({
  id,
  concepts: ['x'],
  quote: 'q',
  ...(coder ? { coder } : {}),
});

describe('coder view', () => {
  const annotations = [by('ingrid', 'a1'), by('jonas', 'a2'), by('ingrid', 'a3'), by(undefined, 'a4'), by('Åse', 'a5')];
  const shown = (view: CoderView, me?: string) =>
    annotations.filter((a) => coderViewShows(view, a, me)).map((a) => a.id);

  it('shows everyone to all coders', () => {
    assert.deepEqual(shown({ kind: 'all' }, 'ingrid'), ['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('hides the other coders when showing only mine (blind coding)', () => {
    assert.deepEqual(shown({ kind: 'mine' }, 'ingrid'), ['a1', 'a3']);
    assert.deepEqual(shown({ kind: 'mine' }, 'Åse'), ['a5']);
  });

  it('shows nothing as mine while the coder has no name, not the unnamed annotations', () => {
    assert.deepEqual(shown({ kind: 'mine' }, undefined), []);
  });

  it('shows one chosen coder whoever is coding', () => {
    assert.deepEqual(shown({ kind: 'coder', coder: 'jonas' }, 'ingrid'), ['a2']);
  });

  it('reads back stored views and falls back to all coders on anything else', () => {
    assert.deepEqual(readCoderView({ kind: 'coder', coder: 'jonas' }), { kind: 'coder', coder: 'jonas' });
    assert.deepEqual(readCoderView({ kind: 'mine' }), { kind: 'mine' });
    for (const bad of [undefined, null, 'mine', { kind: 'coder' }, { kind: 'coder', coder: '' }, { kind: 'other' }])
      assert.deepEqual(readCoderView(bad), { kind: 'all' });
  });

  it('counts coders, most annotations first, leaving out unnamed ones', () => {
    assert.deepEqual(codersByCount(annotations), [
      { coder: 'ingrid', count: 2 },
      { coder: 'Åse', count: 1 },
      { coder: 'jonas', count: 1 },
    ]);
  });
});
