import assert from 'node:assert/strict';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeInformantsText } from '../../src/core/merge/mergeInformants';
import type { TextMerge } from '../../src/core/merge/mergeText';

const BASE = `# Informanter i studien
informants:
  - code: K1
    role: tjenestemottaker
    age_group: 30-39
  # ansatte
  - code: L5
    role: leder
    unit: Psykisk helse og rus
`;

const merge = (ours: string, theirs: string, base = BASE) =>
  mergeInformantsText({ path: 'informants.yaml', base, ours, theirs, labels: { ours: 'HEAD', theirs: 'koder/ola' } });
const text = (result: TextMerge) => {
  assert.ok(result.ok, JSON.stringify(result));
  return result.text;
};

describe('mergeInformantsText', () => {
  it('merges attributes changed on different sides and informants added on both, comments kept', () => {
    const ours = BASE.replace('age_group: 30-39', 'age_group: 30-39\n    kjønn: kvinne').concat(
      '  - code: K2\n    role: tjenestemottaker\n',
    );
    const theirs = BASE.replace('role: leder', 'role: avdelingsleder').concat('  - code: M2\n    role: pårørende 😀\n');
    assert.equal(
      text(merge(ours, theirs)),
      ours.replace('role: leder', 'role: avdelingsleder').concat('  - code: M2\n    role: pårørende 😀\n'),
    );
  });

  it('lets a removal of an informant or an attribute win over no change', () => {
    const ours = BASE.replace('    unit: Psykisk helse og rus\n', '');
    const theirs = BASE.replace('  - code: K1\n    role: tjenestemottaker\n    age_group: 30-39\n', '');
    assert.equal(
      text(merge(ours, theirs)),
      '# Informanter i studien\ninformants:\n  # ansatte\n  - code: L5\n    role: leder\n',
    );
  });

  it('puts an attribute changed on both sides between markers around that informant alone', () => {
    const merged = text(
      merge(
        BASE.replace('role: leder', 'role: leiar').replace('age_group: 30-39', 'age_group: 40-49'),
        BASE.replace('role: leder', 'role: sjef'),
      ),
    );
    const [block, ...more] = findConflicts(merged);
    assert.deepEqual(more, []);
    assert.deepEqual(block, {
      startLine: 6,
      endLine: 14,
      ours: '  - code: L5\n    role: leiar\n    unit: Psykisk helse og rus\n',
      theirs: '  - code: L5\n    role: sjef\n    unit: Psykisk helse og rus\n',
      oursLabel: 'HEAD',
      theirsLabel: 'koder/ola',
      ids: ['L5'],
    });
    assert.match(resolveAll(merged, 'theirs'), /age_group: 40-49\n/);
  });

  it('puts an informant removed on one side and changed on the other between markers', () => {
    const merged = text(
      merge(BASE.replace('unit: Psykisk helse og rus', 'unit: Rus'), BASE.replace(/ {2}# ansatte\n[\s\S]*$/, '')),
    );
    assert.deepEqual(
      findConflicts(merged).map((b) => [b.ours.length > 0, b.theirs]),
      [[true, '']],
    );
  });

  it('keeps CRLF line breaks and Norwegian letters', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const merged = text(
      merge(
        crlf(BASE.replace('tjenestemottaker', 'tjenestemottaker, æøå')),
        crlf(BASE.replace('unit: Psykisk helse og rus', 'unit: Rus og psykisk helse')),
        crlf(BASE),
      ),
    );
    assert.equal(
      merged,
      crlf(
        BASE.replace('tjenestemottaker', 'tjenestemottaker, æøå').replace(
          'unit: Psykisk helse og rus',
          'unit: Rus og psykisk helse',
        ),
      ),
    );
  });

  it('refuses to merge when a side is not an informant registry', () => {
    const result = merge(BASE, 'informants:\n  - code: K1\n  - code: K1\n');
    assert.ok(
      !result.ok && /^theirs cannot be read \(3:5 The informant code "K1" is listed twice/.test(result.message),
      JSON.stringify(result),
    );
  });
});
