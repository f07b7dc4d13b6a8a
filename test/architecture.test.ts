import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ARCHITECTURE.md's code map names every folder under src/, as the tree is now, and no other.

const ROOT = join(__dirname, '..');

/** Every folder under src/, src/ included, as `src/a/b/`. */
function sourceFolders(folder = 'src'): string[] {
  const below = readdirSync(join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => sourceFolders(`${folder}/${entry.name}`));
  return [`${folder}/`, ...below];
}

/** The code map's entries: each `### \`src/...\`` heading with the text under it. */
function codeMap(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const start = text.indexOf('\n## Code map\n');
  assert.ok(start >= 0, 'ARCHITECTURE.md has no "## Code map" section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const entries = new Map<string, string>();
  for (const part of section.split('\n### ').slice(1)) {
    const heading = /^`(src(?:\/[^`/]+)*)\/?`\n/.exec(part);
    assert.ok(heading, `a code map heading is not a backquoted src/ path: ${part.split('\n')[0]}`);
    const folder = `${heading[1]}/`;
    assert.ok(!entries.has(folder), `${folder} is in the code map twice`);
    entries.set(folder, part.slice(heading[0].length));
  }
  return entries;
}

describe('ARCHITECTURE.md', () => {
  const map = codeMap();
  const folders = sourceFolders();

  it('names every folder under src/ in its code map', () => {
    assert.ok(folders.length > 10, folders.join(', '));
    const missing = folders.filter((folder) => !map.has(folder));
    assert.deepEqual(missing, [], 'add these folders to the code map of ARCHITECTURE.md');
  });

  it('names no folder that does not exist', () => {
    const existing = new Set(folders);
    assert.deepEqual(
      [...map.keys()].filter((folder) => !existing.has(folder)),
      [],
      'remove these from the code map or rename them',
    );
  });

  it('says for every folder what it is for and what it may import', () => {
    for (const [folder, text] of map) {
      assert.ok(text.trim().length >= 40, `${folder} has no description`);
      assert.match(text, /\bimport/i, `${folder} does not say what it may import`);
    }
  });
});
