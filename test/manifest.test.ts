import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The extension manifest and its translations: every user-facing string of package.json is a
// %key% found in English (package.nls.json) and Norwegian Bokmål (package.nls.nb.json), and every
// runtime string (vscode.l10n.t) has a Bokmål translation in l10n/bundle.l10n.nb.json.

const root = join(__dirname, '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface Command {
  command: string;
  title?: string;
  category?: string;
}

interface Keybinding {
  command: string;
  key?: string;
  mac?: string;
  when?: string;
}

const KEY_NAMES: Record<string, string> = { ctrl: 'Ctrl', shift: 'Shift', alt: 'Alt', cmd: '⌘' };
const MAC_NAMES: Record<string, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', cmd: '⌘' };
const MAC_ORDER = Object.keys(MAC_NAMES);

/** A key as the walkthrough writes it: <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+… or, in Apple's order, <kbd>⌥⇧⌘T</kbd>. */
function asKbd(key: string): string {
  const parts = key.split('+');
  const last = (parts.pop() ?? '').toUpperCase();
  if (parts.includes('cmd'))
    return `<kbd>${MAC_ORDER.filter((p) => parts.includes(p))
      .map((p) => MAC_NAMES[p])
      .join('')}${last}</kbd>`;
  return [...parts.map((p) => KEY_NAMES[p] ?? p), last].map((p) => `<kbd>${p}</kbd>`).join('+');
}

const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as { l10n?: string; contributes: { commands: Command[] } };
const english = readJson('package.nls.json') as Record<string, string>;
const bokmal = readJson('package.nls.nb.json') as Record<string, string>;
const nlsFiles = { 'package.nls.json': english, 'package.nls.nb.json': bokmal };

/** The keys of every "%key%" string value in package.json. */
function placeholderKeys(): string[] {
  return [...new Set([...manifestText.matchAll(/"%([^"%\s]+)%"/g)].map((m) => m[1] as string))].sort();
}

function commandLinks(text: string): string[] {
  return [...text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1] as string);
}

describe('extension manifest', () => {
  it('uses %key% placeholders that both nls files define', () => {
    const keys = placeholderKeys();
    assert.ok(keys.length > 0, 'package.json has no %key% placeholders');
    for (const [file, strings] of Object.entries(nlsFiles)) {
      const missing = keys.filter((key) => typeof strings[key] !== 'string' || strings[key].trim() === '');
      assert.deepEqual(missing, [], `${file} lacks these keys used in package.json`);
    }
  });

  it('has the same keys in English and Bokmål', () => {
    assert.deepEqual(Object.keys(bokmal).sort(), Object.keys(english).sort());
  });

  it('defines no nls keys that package.json does not use', () => {
    const used = new Set(placeholderKeys());
    assert.deepEqual(
      Object.keys(english).filter((key) => !used.has(key)),
      [],
    );
  });

  it('gives every command a title and a category', () => {
    const commands = manifest.contributes.commands;
    assert.ok(commands.length > 0);
    for (const command of commands) {
      assert.ok(command.title?.trim(), `${command.command} has no title`);
      assert.ok(command.category?.trim(), `${command.command} has no category`);
    }
  });

  it('links only to commands that exist, in the same way in both languages', () => {
    const ours = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [key, text] of Object.entries(english)) {
      for (const id of commandLinks(text).filter((id) => id.startsWith('qcode.')))
        assert.ok(ours.has(id), `${key} links to the unknown command ${id}`);
      assert.deepEqual(
        commandLinks(bokmal[key] ?? ''),
        commandLinks(text),
        `${key} links to other commands in Bokmål than in English`,
      );
    }
  });

  it('offers "Create a codebook" in the welcome view and command buttons in the walkthrough', () => {
    assert.ok(english['qcode.welcome.codebook']?.includes('[Create a codebook](command:qcode.initializeProject)'));
    for (const step of ['init', 'tag', 'export']) {
      const key = `qcode.walkthrough.${step}.description`;
      for (const strings of Object.values(nlsFiles))
        assert.ok(commandLinks(strings[key] ?? '').length > 0, `${key} has no command link`);
    }
  });

  // VS Code builds the context menu before qcode hears that the right-click moved the cursor, so
  // qcode.inPassage may still describe the old place: the actions are also offered for a click
  // outside any selection (a click inside a passage), never on a selection outside a passage.
  it("offers Change Concepts, Edit Memo and Remove in a transcript's context menu for a click in a passage, never on a selection outside one", () => {
    const menus = (manifest.contributes as unknown as { menus: Record<string, { command: string; when?: string }[]> })
      .menus;
    for (const command of ['qcode.changeConcepts', 'qcode.editMemo', 'qcode.removeAnnotation']) {
      const entry = menus['editor/context']?.find((m) => m.command === command);
      assert.ok(entry, `${command} is not in the editor context menu`);
      assert.deepEqual(
        entry.when
          ?.split('&&')
          .map((c) => c.trim())
          .sort(),
        ['(qcode.inPassage || !editorHasSelection)', 'qcode.isTranscript'],
        `${command} shows on a selection outside a coded passage`,
      );
    }
  });

  it('binds keys that VS Code, desktops and a Norwegian keyboard leave free, only in a transcript or a qcode view', () => {
    const bindings = (manifest as unknown as { contributes: { keybindings: Keybinding[] } }).contributes.keybindings;
    assert.ok(bindings.length >= 5);
    for (const binding of bindings) {
      for (const key of [binding.key, binding.mac].filter((k): k is string => k !== undefined)) {
        assert.doesNotMatch(
          key,
          /^(ctrl|cmd)\+alt\+t$/,
          `${binding.command}: ${key} opens a terminal on GNOME or closes other editors on macOS`,
        );
        assert.doesNotMatch(key, /[[\]{}]/, `${binding.command}: ${key} needs AltGr on a Norwegian keyboard`);
      }
      assert.match(
        binding.when ?? '',
        /qcode\.isTranscript|focusedView == qcode\.|focusedView =~ \/\^qcode/,
        `${binding.command} is bound outside transcripts and qcode views`,
      );
    }
  });

  it('shows each bound key of the walkthrough for Windows and Linux and for macOS', () => {
    const bindings = (manifest as unknown as { contributes: { keybindings: Keybinding[] } }).contributes.keybindings;
    const tag = readFileSync(join(root, 'media', 'walkthrough', 'tag.md'), 'utf8');
    for (const command of ['qcode.tagSelection', 'qcode.nextAnnotation', 'qcode.undoCoding']) {
      const binding = bindings.find((b) => b.command === command);
      assert.ok(binding?.key && binding.mac, `${command} has no key for every platform`);
      assert.ok(tag.includes(asKbd(binding.key)), `media/walkthrough/tag.md does not show ${binding.key}`);
      assert.ok(tag.includes(asKbd(binding.mac)), `media/walkthrough/tag.md does not show ${binding.mac}`);
    }
  });

  it('marks "Set up a project" done in a folder that already has a codebook', () => {
    const walkthroughs = (
      manifest as unknown as {
        contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] };
      }
    ).contributes.walkthroughs;
    const init = walkthroughs[0]?.steps.find((step) => step.id === 'init');
    assert.ok(init?.completionEvents.includes('onContext:qcode.hasCodebook'));
    assert.match(
      readFileSync(join(root, 'src', 'extension', 'shared', 'host', 'projectHost.ts'), 'utf8'),
      /'qcode\.hasCodebook'/,
      'the extension sets the context key the step waits for',
    );
  });

  it('has the walkthrough media that it names', () => {
    for (const step of ['init', 'tag', 'export'])
      assert.ok(
        existsSync(join(root, 'media', 'walkthrough', `${step}.md`)),
        `media/walkthrough/${step}.md is missing`,
      );
  });
});

describe('runtime strings (vscode.l10n.t)', () => {
  it('are all translated in l10n/bundle.l10n.nb.json (node scripts/l10n-check.js)', () => {
    assert.equal(manifest.l10n, './l10n');
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'l10n-check.js')], { encoding: 'utf8' });
    assert.equal(run.error, undefined);
    assert.equal(run.status, 0, `node scripts/l10n-check.js reports:\n${run.stdout}${run.stderr}`);
  });

  it('are found by the check, so that it checks something', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'l10n-check.js'), '--json'], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { messages: string[] };
    assert.ok(report.messages.length > 0, 'no vscode.l10n.t calls were found in src/extension');
  });
});
