import assert from 'node:assert/strict';
import { deleteSavedQuery, saveQuery, type SettingsEdit } from '../../src/core/settings/editSavedQueries';
import { readSettings } from '../../src/core/settings/settings';
import { YamlFile } from '../../src/core/yaml/yamlFile';

function written(edit: SettingsEdit): string {
  assert.ok(edit.ok, edit.ok ? '' : edit.message);
  return edit.text;
}

function refusal(edit: SettingsEdit): string {
  assert.ok(!edit.ok, 'the edit was not refused');
  return edit.message;
}

/** The saved queries as check reads them, by name, and the errors it finds. */
function readBack(text: string): { queries: Record<string, string>; errors: string[] } {
  const file = new YamlFile('qcode.yaml', text);
  const settings = readSettings(file);
  return {
    queries: Object.fromEntries(settings.queries.map((q) => [q.name, q.text])),
    errors: file.problems.filter((p) => p.severity === 'error').map((p) => p.message),
  };
}

const SETTINGS = `# Settings of the study
codebook: codebook.yaml   # the concept tree
queries:
  # Service users on the parachute role
  fallskjerm-brukere: koordinator.fallskjerm and role=tjenestemottaker
  helg: 'memo~"helg"'

citation: "({informant})"
`;

describe('saving a query in qcode.yaml', () => {
  it('creates qcode.yaml with the query when there is none', () => {
    assert.equal(
      written(saveQuery(undefined, 'formell', 'samordning.formell')),
      'queries:\n  formell: samordning.formell\n',
    );
    assert.equal(
      written(saveQuery('', 'formell', ' samordning.formell ')),
      'queries:\n  formell: samordning.formell\n',
    );
  });

  it('adds "queries:" at the end of a file without one, every other line kept', () => {
    const text = '# comment\ncodebook: kodebok.yaml';
    assert.equal(written(saveQuery(text, 'a', 'x or y')), '# comment\ncodebook: kodebok.yaml\nqueries:\n  a: x or y\n');
  });

  it('adds a query as one line after the last, and changes nothing else', () => {
    const text = written(saveQuery(SETTINGS, 'ny', 'bolig and not informant=K*'));
    assert.equal(
      text,
      SETTINGS.replace(`  helg: 'memo~"helg"'\n`, `  helg: 'memo~"helg"'\n  ny: bolig and not informant=K*\n`),
    );
    assert.deepEqual(readBack(text).queries, {
      'fallskjerm-brukere': 'koordinator.fallskjerm and role=tjenestemottaker',
      helg: 'memo~"helg"',
      ny: 'bolig and not informant=K*',
    });
  });

  it('replaces the query of a name on its line, comments and the other queries as they were', () => {
    const text = written(saveQuery(SETTINGS, 'fallskjerm-brukere', 'koordinator.fallskjerm'));
    assert.equal(
      text,
      SETTINGS.replace(
        'fallskjerm-brukere: koordinator.fallskjerm and role=tjenestemottaker',
        'fallskjerm-brukere: koordinator.fallskjerm',
      ),
    );
  });

  it('quotes a query or name that would not read back as written', () => {
    const text = written(saveQuery(SETTINGS, '2026', 'memo~"a: b" or key'));
    assert.match(text, /\n {2}"2026": 'memo~"a: b" or key'\n/);
    assert.equal(readBack(text).queries['2026'], 'memo~"a: b" or key');
  });

  it('keeps CRLF line endings and a last line without a line break', () => {
    const text = written(saveQuery('queries:\r\n  a: x\r\n  b: y', 'c', 'z'));
    assert.equal(text, 'queries:\r\n  a: x\r\n  b: y\r\n  c: z\r\n');
  });

  it('fills an empty "queries:" with the query, under it and indented', () => {
    assert.equal(
      written(saveQuery('queries: # by name\ncodebook: c.yaml\n', 'a', 'x')),
      'queries: # by name\n  a: x\ncodebook: c.yaml\n',
    );
  });

  it('writes the whole document when the queries are a flow mapping, and it reads back as meant', () => {
    const text = written(saveQuery('queries: {a: x}\n', 'b', 'y and z'));
    assert.deepEqual(readBack(text), { queries: { a: 'x', b: 'y and z' }, errors: [] });
  });

  it('refuses a query with a syntax error, naming its column', () => {
    assert.match(refusal(saveQuery(SETTINGS, 'a', 'koordinator and')), /column 16/);
    assert.match(refusal(saveQuery(SETTINGS, 'a', 'x\nor y')), /one line/);
  });

  it('refuses names that cannot be written as qcode query NAME, and names YAML reserves', () => {
    assert.match(refusal(saveQuery(SETTINGS, 'two words', 'x')), /letters, digits/);
    assert.match(refusal(saveQuery(SETTINGS, '', 'x')), /letters, digits/);
    assert.match(refusal(saveQuery(SETTINGS, '__proto__', 'x')), /cannot name a query/);
  });

  it('leaves a file alone that does not parse, or is not a mapping', () => {
    assert.match(refusal(saveQuery('queries:\n  a: [x\n', 'b', 'y')), /qcode.yaml cannot be read at line/);
    assert.match(refusal(saveQuery('<<<<<<< HEAD\nqueries: {}\n=======\n>>>>>>> other\n', 'b', 'y')), /cannot be read/);
    assert.match(refusal(saveQuery('- a\n- b\n', 'b', 'y')), /must be a mapping/);
  });
});

describe('deleting a saved query from qcode.yaml', () => {
  it("removes the query's line and nothing else", () => {
    const text = written(deleteSavedQuery(SETTINGS, 'helg'));
    assert.equal(text, SETTINGS.replace(`  helg: 'memo~"helg"'\n`, ''));
  });

  it('leaves an empty "queries:" that reads as no queries when the last goes', () => {
    const text = written(deleteSavedQuery(written(deleteSavedQuery(SETTINGS, 'helg')), 'fallskjerm-brukere'));
    assert.deepEqual(readBack(text), { queries: {}, errors: [] });
    assert.ok(text.startsWith('# Settings of the study\ncodebook: codebook.yaml   # the concept tree\nqueries:\n'));
  });

  it('deletes from a flow mapping by writing the document', () => {
    assert.deepEqual(readBack(written(deleteSavedQuery('queries: {a: x, b: y}\n', 'a'))).queries, { b: 'y' });
  });

  it('says so when there is no query of that name', () => {
    assert.match(refusal(deleteSavedQuery(SETTINGS, 'nope')), /No query "nope" is saved in qcode.yaml/);
    assert.match(refusal(deleteSavedQuery('', 'nope')), /No query "nope"/);
  });
});
