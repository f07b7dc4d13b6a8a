import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import {
  addEditorSettings,
  editorSettingsFor,
  EDITOR_SETTINGS_FILE,
  setUpEditorSettings,
} from '../../src/core/operations/editorSettings';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { runs } from '../helpers/fcRuns';
import { MemoryFiles } from '../helpers/memoryFiles';

type Json = Record<string, unknown>;

function parsed(text: string): Json {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true }) as Json;
  assert.deepEqual(errors, [], `not valid JSON with comments:\n${text}`);
  return value;
}

const QCODE_SETTINGS: Json = {
  'files.associations': { '**/transcripts/**/*.txt': 'transcript' },
  'explorer.fileNesting.enabled': true,
  'explorer.fileNesting.expand': false,
  'explorer.fileNesting.patterns': {
    '*.txt': '${capture}.txt.annotations.yaml, ${capture}.txt.annotations.yaml.lock*, ${capture}.txt.*.tmp',
    '*.md': '${capture}.md.annotations.yaml, ${capture}.md.annotations.yaml.lock*, ${capture}.md.*.tmp',
    '*.yaml': '${capture}.yaml.lock*, ${capture}.yaml.*.tmp',
  },
};

const WITH_COMMENTS = [
  '// Workspace settings of our study',
  '{',
  '    /* the team agreed on this */',
  '    "editor.fontSize": 15,',
  '    "files.associations": {',
  '        "*.notes": "markdown", // field notes',
  '    },',
  '    "explorer.fileNesting.enabled": false,',
  '}',
  '',
].join('\n');

describe('editor settings of a project (.vscode/settings.json)', () => {
  it('creates the file when there is none: transcripts open as Transcripts, sidecars nest under them', async () => {
    const files = new MemoryFiles();
    assert.deepEqual(await setUpEditorSettings(files), {
      kind: 'created',
      added: editorSettingsFor(DEFAULT_SETTINGS).map((s) => s.path.join(': ')),
    });
    const text = files.text(EDITOR_SETTINGS_FILE) ?? '';
    assert.deepEqual(parsed(text), QCODE_SETTINGS);
    assert.ok(text.endsWith('}\n'));
  });

  it('is what the sample project has', () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'sample-project', '.vscode', 'settings.json'), 'utf8');
    assert.deepEqual(parsed(sample), QCODE_SETTINGS);
  });

  it('adds to an existing file with comments, keeping every comment, value and the indentation', async () => {
    const files = new MemoryFiles({ [EDITOR_SETTINGS_FILE]: WITH_COMMENTS });
    const outcome = await setUpEditorSettings(files);
    assert.equal(outcome.kind, 'extended');
    const text = files.text(EDITOR_SETTINGS_FILE) ?? '';
    for (const comment of ['// Workspace settings of our study', '/* the team agreed on this */', '// field notes'])
      assert.ok(text.includes(comment), `lost ${comment}`);
    assert.deepEqual(parsed(text), {
      ...QCODE_SETTINGS,
      'editor.fontSize': 15,
      'files.associations': { '*.notes': 'markdown', '**/transcripts/**/*.txt': 'transcript' },
      'explorer.fileNesting.enabled': false,
    });
    assert.match(text, /\n {8}"\*\*\/transcripts\/\*\*\/\*\.txt": "transcript"/, 'indented like the rest of the file');
  });

  it('changes nothing the second time', async () => {
    const files = new MemoryFiles({ [EDITOR_SETTINGS_FILE]: WITH_COMMENTS });
    await setUpEditorSettings(files);
    const once = files.text(EDITOR_SETTINGS_FILE);
    assert.deepEqual(await setUpEditorSettings(files), { kind: 'unchanged' });
    assert.equal(files.text(EDITOR_SETTINGS_FILE), once);
    assert.equal(files.writes.length, 1);
  });

  it('follows the transcripts folder and file endings of qcode.yaml', async () => {
    const files = new MemoryFiles({ 'qcode.yaml': 'transcripts: data/intervjuer\nextensions: [txt]\n' });
    await setUpEditorSettings(files);
    const settings = parsed(files.text(EDITOR_SETTINGS_FILE) ?? '');
    assert.deepEqual(settings['files.associations'], { '**/data/intervjuer/**/*.txt': 'transcript' });
    assert.deepEqual(settings['explorer.fileNesting.patterns'], {
      '*.txt': '${capture}.txt.annotations.yaml, ${capture}.txt.annotations.yaml.lock*, ${capture}.txt.*.tmp',
      '*.yaml': '${capture}.yaml.lock*, ${capture}.yaml.*.tmp',
    });
  });

  it('keeps CRLF line endings and a byte order mark', async () => {
    const files = new MemoryFiles({ [EDITOR_SETTINGS_FILE]: '\ufeff{\r\n  "editor.fontSize": 15\r\n}\r\n' });
    await setUpEditorSettings(files);
    const text = files.text(EDITOR_SETTINGS_FILE) ?? '';
    assert.ok(text.startsWith('\ufeff{\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'a bare LF crept in');
    assert.deepEqual(parsed(text.slice(1)), { 'editor.fontSize': 15, ...QCODE_SETTINGS });
  });

  it('reads a file of nothing but comments as empty settings', () => {
    const merged = addEditorSettings('// nothing yet\n', editorSettingsFor(DEFAULT_SETTINGS));
    assert.ok('text' in merged);
    assert.ok(merged.text.startsWith('// nothing yet\n{'));
    assert.deepEqual(parsed(merged.text), QCODE_SETTINGS);
  });

  it('leaves a file that is not JSON with comments alone, saying where it goes wrong', async () => {
    const broken = '{\n  "editor.fontSize": 15\n  "files.associations": {}\n}\n';
    const files = new MemoryFiles({ [EDITOR_SETTINGS_FILE]: broken });
    const outcome = await setUpEditorSettings(files);
    assert.equal(outcome.kind, 'unreadable');
    assert.deepEqual(
      outcome.kind === 'unreadable' && [outcome.problem.file, outcome.problem.line, outcome.problem.column],
      [EDITOR_SETTINGS_FILE, 3, 3],
    );
    assert.match(
      outcome.kind === 'unreadable' ? outcome.problem.message : '',
      /not valid JSON with comments \(CommaExpected\)\. qcode left it alone; correct it and run "qcode init" again\./,
    );
    assert.equal(files.text(EDITOR_SETTINGS_FILE), broken);
    assert.deepEqual(files.writes, []);
  });

  it('does not replace a setting of another shape', () => {
    const merged = addEditorSettings('{ "files.associations": "none" }', editorSettingsFor(DEFAULT_SETTINGS));
    assert.ok('text' in merged);
    assert.equal(parsed(merged.text)['files.associations'], 'none');
    assert.ok(!merged.added.some((key) => key.startsWith('files.associations')));
  });

  it('keeps whatever settings a file has, adds all of ours, and is idempotent (property)', () => {
    const key = fc.stringMatching(/^[a-zA-Z][\w.*/]{0,12}$/);
    const value = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 8 }),
      fc.dictionary(key, fc.string({ maxLength: 6 }), { maxKeys: 3 }),
    );
    const settings = fc.dictionary(
      fc.oneof(
        key,
        fc.constantFrom('files.associations', 'explorer.fileNesting.patterns', 'explorer.fileNesting.enabled'),
      ),
      value,
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(settings, fc.boolean(), fc.integer({ min: 0, max: 4 }), (generated, comment, indent) => {
        const body = JSON.stringify(generated, null, indent);
        const existing = JSON.parse(body) as Json;
        const text = comment ? `// ours\n${body.replace('{', '{ /* kept */')}\n` : body;
        const merged = addEditorSettings(text, editorSettingsFor(DEFAULT_SETTINGS));
        assert.ok('text' in merged);
        const after = parsed(merged.text);
        for (const [k, v] of Object.entries(existing)) {
          if (v !== null && typeof v === 'object')
            assert.deepEqual(Object.fromEntries(Object.entries(after[k] as Json).filter(([inner]) => inner in v)), v);
          else assert.deepEqual(after[k], v);
        }
        for (const { path } of editorSettingsFor(DEFAULT_SETTINGS)) {
          const parent = path.length > 1 ? after[path[0] as string] : after;
          if (parent !== null && typeof parent === 'object')
            assert.ok((path.at(-1) as string) in parent, `${path.join(': ')} is missing`);
        }
        if (comment) assert.ok(merged.text.includes('// ours') && merged.text.includes('/* kept */'));
        const again = addEditorSettings(merged.text, editorSettingsFor(DEFAULT_SETTINGS));
        assert.deepEqual('text' in again && [again.text, again.added], [merged.text, []]);
      }),
      runs(60, 1111),
    );
  });
});
