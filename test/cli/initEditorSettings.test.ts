import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { qcode, read, scratchProject, write } from './cliHarness';

const SETTINGS = '.vscode/settings.json';

function settingsIn(dir: string): Record<string, unknown> {
  return parseJsonc(read(dir, SETTINGS)) as Record<string, unknown>;
}

describe('qcode init: editor settings', () => {
  it('writes .vscode/settings.json in a new project, and nothing more the second time', async () => {
    const dir = scratchProject(null);
    const first = await qcode('init', dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^created \.vscode\/settings\.json, so that \.txt transcripts open as Transcripts and each sidecar nests under its transcript in the Explorer$/m,
    );
    assert.deepEqual(settingsIn(dir)['files.associations'], { '**/transcripts/**/*.txt': 'transcript' });
    assert.equal(settingsIn(dir)['explorer.fileNesting.enabled'], true);
    const text = read(dir, SETTINGS);
    const again = await qcode('init', dir);
    assert.doesNotMatch(again.stdout, /settings\.json/);
    assert.equal(read(dir, SETTINGS), text);
  });

  it('adds to settings a project has, comments and all', async () => {
    const dir = scratchProject();
    const mine =
      '{\n  // larger text for reading\n  "editor.fontSize": 16,\n  "explorer.fileNesting.patterns": { "*.docx": "${capture}.pdf" },\n}\n';
    write(dir, SETTINGS, mine);
    const result = await qcode('init', dir);
    assert.match(
      result.stdout,
      /^added files\.associations: \*\*\/transcripts\/\*\*\/\*\.txt, explorer\.fileNesting\.enabled, explorer\.fileNesting\.expand, explorer\.fileNesting\.patterns: \*\.txt, explorer\.fileNesting\.patterns: \*\.md, explorer\.fileNesting\.patterns: \*\.yaml to \.vscode\/settings\.json/m,
    );
    assert.ok(read(dir, SETTINGS).includes('// larger text for reading'));
    const settings = settingsIn(dir);
    assert.equal(settings['editor.fontSize'], 16);
    const patterns = settings['explorer.fileNesting.patterns'] as Record<string, string>;
    assert.equal(patterns['*.docx'], '${capture}.pdf');
    assert.deepEqual(Object.keys(patterns), ['*.docx', '*.txt', '*.md', '*.yaml']);
  });

  it('leaves settings it cannot read alone and says where they go wrong', async () => {
    const dir = scratchProject(null);
    mkdirSync(join(dir, '.vscode'));
    write(dir, SETTINGS, '{\n  "editor.fontSize": 16,,\n}\n');
    const result = await qcode('init', dir);
    assert.equal(result.code, 0);
    assert.match(
      result.stderr,
      /^\.vscode\/settings\.json:2:25: This is not valid JSON with comments \(PropertyNameExpected\)\. qcode left it alone; correct it and run "qcode init" again\.$/m,
    );
    assert.equal(read(dir, SETTINGS), '{\n  "editor.fontSize": 16,,\n}\n');
  });
});
