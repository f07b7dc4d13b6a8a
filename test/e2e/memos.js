// End-to-end: memos and key quotes in the real VS Code, on a fresh copy of sample-project whose
// codebook holds a memo on a concept and whose intervju-K3 sidecar holds a memo on the transcript
// (the sample has memos on passages only). Marks a key quote from the coded passage's context menu
// and unmarks it from the Annotations view's, clicking the real menus, each step checked in the
// sidecar on disk; writes a project memo with New Project Memo… from the Memos view's title bar;
// checks that the Memos view lists the memos of all four kinds under their headings, searches it,
// and opens a memo where it belongs. Screenshots: key-quote-menu.png and memos.png (the README's
// media/memos.png, written there too with QCODE_UPDATE_SCREENSHOTS=1).
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');
const { ui } = require('./firstDayUi');
const { disk } = require('./firstDayDisk');
const { pane, openQcode, giveRoomTo, viewAction } = require('./workbench');

const SHOTS = cs.screenshotsDir();
const K3 = 'intervju-K3.txt';
const K3_SIDECAR = `transcripts/${K3}.annotations.yaml`;
// `start`: words of the quote that sit on one line on screen, where it is clicked.
const KEY_QUOTE = { id: 'shpngy5g', quote: 'Så det blir tre møter på én uke.', start: 'Så det blir tre' };
const CONCEPT_MEMO =
  'Ansatte gir brukerne nummeret sitt uten at lederen vet om det. Er fallskjermen en privat ordning? Sammenlign K3 og L7.';
const TRANSCRIPT_MEMO = 'K3 har nummeret til to hjelpere og ringer når det står på, også en søndag kveld.';
const PROJECT_MEMO = {
  name: 'Tilgjengelighet utenom kontortid',
  lines: [
    'Brukerne har nummeret til hjelperen, og hjelperen svarer:',
    '',
    '{{q:49q4zh6q}}',
    '',
    'Spør lederne om dette i neste runde.',
  ],
};
const SEARCH = 'nummer';
/** What the search keeps, under each heading: every kind, and three passages whose text holds the word. */
const FOUND = {
  'Project memos': [PROJECT_MEMO.name],
  Concepts: ['Ansatte gir brukerne nummeret'],
  Transcripts: ['K3 har nummeret'],
  Passages: ['Tilgjengelig utenfor arbeidstid.', 'Overlapper Ingrids koding', 'Jf. K3 om telefonen på søndag.'],
};
const NOT_FOUND = 'Fastlegen som uformell koordinator.';

/** The sample project with a memo on Fallskjermen in codebook.yaml and one at the top of intervju-K3's sidecar. */
function withMemos(ws) {
  const edit = (file, after, line) => {
    const full = path.join(ws, file);
    const text = fs.readFileSync(full, 'utf8');
    if (!text.includes(after)) throw new Error(`${file} has no line "${after}"`);
    fs.writeFileSync(full, text.replace(after, `${after}\n${line}`));
  };
  edit('codebook.yaml', '        label: Fallskjermen', `        memo: ${JSON.stringify(CONCEPT_MEMO)}`);
  edit(K3_SIDECAR, `transcript: ${K3}`, `memo: ${JSON.stringify(TRANSCRIPT_MEMO)}`);
}

/** The run's user settings: saving only on Ctrl+S, and typing that inserts no brackets or completions of its own. */
function typingAsTyped(server) {
  const file = path.join(server.dir, 'udd/User/settings.json');
  const settings = {
    ...JSON.parse(fs.readFileSync(file, 'utf8')),
    'files.autoSave': 'off',
    'editor.autoClosingBrackets': 'never',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.acceptSuggestionOnEnter': 'off',
  };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

async function main() {
  const t0 = Date.now();
  if (!process.env.QCODE_EXTENSION_PATH) cs.buildExtension();
  const ws = cs.copySampleProject();
  withMemos(ws);
  const server = await cs.startCodeServer({ workspace: ws });
  typingAsTyped(server);
  const browser = await cs.launchChromium();
  const { page } = browser;
  page.setDefaultTimeout(60000);
  const u = ui(page, SHOTS);
  const step = (name) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}`);
  const files = disk(ws);
  const keyOnDisk = () => files.find(KEY_QUOTE.id)?.key;
  let ok = false;
  try {
    await openQcode(page, server, ws);
    step('the project has loaded');
    await markKeyQuoteInEditor(page, u, keyOnDisk);
    step(`the coded passage's context menu marked ${KEY_QUOTE.id} as a key quote`);
    await unmarkKeyQuoteInView(page, u, keyOnDisk);
    step("the Annotations view's context menu unmarked it");
    await newProjectMemo(page, u, ws);
    step(`New Project Memo… wrote memos/${PROJECT_MEMO.name}.md`);
    await checkMemosView(page, u);
    step(`the Memos view lists memos of every kind and the search «${SEARCH}» keeps ${countFound()}`);
    await u.shot('memos');
    if (process.env.QCODE_UPDATE_SCREENSHOTS === '1')
      fs.copyFileSync(path.join(SHOTS, 'memos.png'), path.join(cs.REPO, 'media/memos.png'));
    await openConceptMemo(page);
    step('the memo on Fallskjermen opened in its own tab');
    ok = true;
  } catch (e) {
    console.error(`E2E FAILED: ${e.message.split('\n')[0]}`);
    await cs.keepFailure(page, server, ws);
  } finally {
    await cs.closeRun({ browser, server, ws, ok });
  }
  console.log(`memos: ${ok ? 'passed' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

const countFound = () => Object.values(FOUND).flat().length;

/** Right-clicks the coded passage (no selection) and picks Toggle Key Quote from the editor's context menu. */
async function markKeyQuoteInEditor(page, u, keyOnDisk) {
  await u.quickOpen(K3, 'Intervju med K3');
  await u.until('highlights in the transcript', () => u.decoratedAt(KEY_QUOTE.start), { timeout: 120000 });
  const menu = await u.until('Toggle Key Quote in the context menu of the coded passage', async () => {
    const labels = await u.contextMenuAt(await u.charAt(KEY_QUOTE.start, 5));
    if (labels.includes('Toggle Key Quote')) return labels;
    await u.closeMenu();
    return undefined;
  });
  if (!menu.includes('Edit Memo…')) throw new Error(`the coded passage's menu lacks Edit Memo…: ${menu}`);
  await u.shot('key-quote-menu');
  await u.chooseFromMenu('Toggle Key Quote');
  await u.until('key: true in the sidecar', () => keyOnDisk() === true);
}

/** Right-clicks the passage's row (starred now) in the Annotations view and picks Toggle Key Quote. */
async function unmarkKeyQuoteInView(page, u, keyOnDisk) {
  await giveRoomTo(page, /^annotations/i);
  const row = pane(page, /^annotations/i).locator('.monaco-list-row', { hasText: `★ ${KEY_QUOTE.quote}` });
  await row.first().waitFor();
  const box = await row.first().boundingBox();
  const labels = await u.contextMenuAt({ x: box.x + 60, y: box.y + box.height / 2 });
  if (!labels.includes('Toggle Key Quote')) throw new Error(`the row's context menu lacks Toggle Key Quote: ${labels}`);
  await u.chooseFromMenu('Toggle Key Quote');
  await u.until('the key gone from the sidecar', () => keyOnDisk() === undefined);
  await pane(page, /^annotations/i)
    .locator('.monaco-list-row', { hasText: KEY_QUOTE.quote })
    .filter({ hasNotText: '★' })
    .first()
    .waitFor();
}

/** New Project Memo… from the Memos view's title bar: a name, then the memo typed and saved with Ctrl+S. */
async function newProjectMemo(page, u, ws) {
  await giveRoomTo(page, /^memos/i, 220);
  await viewAction(page, /^memos/i, 'New Project Memo');
  await u.quickInput.filter({ hasText: 'New project memo' }).waitFor();
  await page.keyboard.type(PROJECT_MEMO.name);
  await page.keyboard.press('Enter');
  const file = path.join(ws, 'memos', `${PROJECT_MEMO.name}.md`);
  await page.locator('.tabs-container .tab.active', { hasText: PROJECT_MEMO.name }).waitFor();
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
  await page.keyboard.press('Control+End');
  for (const [i, line] of PROJECT_MEMO.lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  await page.keyboard.press('Control+S');
  const expected = `# ${PROJECT_MEMO.name}\n\n${PROJECT_MEMO.lines.join('\n')}`;
  await u.until('the project memo on disk', () => fs.existsSync(file) && fs.readFileSync(file, 'utf8') === expected, {
    timeout: 30000,
  });
}

/** The Memos view by kind, every kind there; then Search Memos… from its title bar. */
async function checkMemosView(page, u) {
  const view = pane(page, /^memos/i);
  const heading = (title) => view.locator('.monaco-list-row', { hasText: new RegExp(`^${title}\\s*\\d+$`) });
  for (const title of Object.keys(FOUND)) await heading(title).first().waitFor();
  await view.locator('.monaco-list-row', { hasText: NOT_FOUND }).first().waitFor();
  await viewAction(page, /^memos/i, 'Search Memos');
  await u.quickInput.filter({ hasText: 'Search the memos' }).waitFor();
  await page.keyboard.type(SEARCH);
  await page.keyboard.press('Enter');
  await page.locator('.part.sidebar .pane-header', { hasText: `«${SEARCH}»` }).waitFor();
  await view.locator('.monaco-list-row', { hasText: NOT_FOUND }).waitFor({ state: 'detached' });
  for (const [title, memos] of Object.entries(FOUND)) {
    await heading(title)
      .filter({ hasText: new RegExp(`${memos.length}$`) })
      .first()
      .waitFor();
    for (const memo of memos) await view.locator('.monaco-list-row', { hasText: memo }).first().waitFor();
  }
  const rows = await view.locator('.monaco-list-row').count();
  const expected = Object.keys(FOUND).length + countFound();
  if (rows !== expected) throw new Error(`the Memos view shows ${rows} rows after the search, expected ${expected}`);
}

/** Clicking the memo on a concept opens it in its own tab, with the memo's text. */
async function openConceptMemo(page) {
  await pane(page, /^memos/i)
    .locator('.monaco-list-row', { hasText: 'Ansatte gir brukerne nummeret' })
    .click();
  await page.locator('.tabs-container .tab.active', { hasText: 'Fallskjermen' }).waitFor();
  await page.locator('.monaco-editor .view-lines', { hasText: 'Er fallskjermen en privat ordning?' }).first().waitFor();
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
