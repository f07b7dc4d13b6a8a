// End-to-end test of a researcher's first day in the real VS Code (code-server + Debian Chromium),
// on a fresh copy of sample-project, from the moment the window opens: tag with the keybinding and a
// filter, tick two concepts, tag from the context menu, write a memo, Search and Tag by sentence,
// remove and undo, list a concept's passages, export quotes with memos. Every step is checked in the
// files on disk. Screenshots (1280x800) go to out/screenshots/first-day/ (see screenshotsDir in codeServer.js). Exit
// code 0 when all passed.
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');
const { ui } = require('./firstDayUi');
const { disk } = require('./firstDayDisk');

const SHOTS = cs.screenshotsDir('first-day');
const K3 = 'intervju-K3.txt';
const FIRST = { line: 16, column: 5, quote: 'Hver fjerde uke.' };
const SECOND = { line: 12, column: 5, quote: 'Det er mye møter.' };
const THIRD = {
  line: 8,
  column: 34,
  quote:
    'Det er ruskonsulenten her i kommunen, og så har jeg psykiatritjenesten, og en behandler på poliklinikken på sykehuset.',
};
const MEMO = ['Ruskonsulenten nevnes først i teamet.', 'Sjekk om hun er døråpneren i de andre intervjuene.'];
const SEARCH = { word: 'legevakt', concept: { filter: 'Vertikal', id: 'samordning.vertikal' } };
const SENTENCE_END = /[.?!…]$/;

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

async function main() {
  const t0 = Date.now();
  if (!process.env.QCODE_EXTENSION_PATH) cs.buildExtension();
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const memory = cs.watchMemory();
  const ws = cs.copySampleProject();
  const files = disk(ws);
  const server = await cs.startCodeServer({ workspace: ws });
  // VS Code in a browser saves after a second's pause by default; desktop VS Code, as here, only on Ctrl+S.
  const userSettings = path.join(server.dir, 'udd/User/settings.json');
  fs.writeFileSync(
    userSettings,
    JSON.stringify({ ...JSON.parse(fs.readFileSync(userSettings, 'utf8')), 'files.autoSave': 'off' }, null, 2),
  );
  const browser = await cs.launchChromium({ width: 1280, height: 1400 });
  const { page } = browser;
  page.setDefaultTimeout(60000);
  const u = ui(page, SHOTS);
  const log = (text) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${text}`);
  let coderAsked = false;
  const onCoderPrompt = async () => {
    await u.shot('02b-coder-name');
    await page.keyboard.type('e2e');
    await page.keyboard.press('Enter');
    await u.quickInput.filter({ hasText: /coder/i }).waitFor({ state: 'hidden' });
    coderAsked = true;
    log('answered the coder-name prompt with "e2e"');
  };
  /** Waits for exactly one new annotation on disk with this quote. */
  const newAnnotation = async (before, quote) => {
    const found = await u.until(
      `a new annotation "${quote}" on disk`,
      () => files.added(before).filter((a) => a.quote === quote)[0],
      { onCoderPrompt },
    );
    const all = files.added(before);
    if (all.length !== 1)
      throw new Error(`expected one new annotation, found ${all.length}: ${all.map((a) => a.quote).join(' | ')}`);
    return found;
  };
  let ok = false;
  try {
    // 1. The window opens; the transcript is opened at once.
    const opened = Date.now();
    await page.goto(
      cs.workbenchUrl(server, ws, [
        ['extensionDevelopmentPath', server.remote(cs.extensionPath())],
        ['skipWelcome', 'true'],
      ]),
    );
    await u.quickOpen(K3, 'Intervju med K3');
    log(`${K3} open after ${Date.now() - opened} ms`);
    await u.until('highlights in the transcript', () => u.decoratedAt('Jeg har et veldig godt team.'), {
      timeout: 120000,
    });
    await u.select(FIRST.line, FIRST.column, FIRST.quote.length);
    await u.until(
      'Tag Selection in the context menu',
      async () => {
        const offered = (await u.contextMenuOnSelection(FIRST.quote)).includes('Tag Selection…');
        await u.closeMenu();
        return offered;
      },
      { timeout: 120000 },
    );
    console.log(`ready after ${Date.now() - opened} ms`);
    await u.shot('01-ready');

    // 2. The keybinding, a filter and Enter tag with the highlighted concept.
    let before = files.annotations();
    await page.keyboard.press('Control+Shift+Alt+T');
    await u.quickInput.filter({ hasText: 'Tag the selection' }).waitFor();
    await page.keyboard.type('formell');
    await u.highlighted('Formell samordning');
    if ((await u.quickInput.locator('.monaco-list-row[aria-checked="true"]').count()) > 0)
      throw new Error('a concept is ticked already');
    await u.shot('02-filter');
    await page.keyboard.press('Enter');
    const first = await newAnnotation(before, FIRST.quote);
    if (!sameSet(first.concepts, ['samordning.formell']))
      throw new Error(`"${FIRST.quote}" got ${first.concepts}, expected samordning.formell`);
    if (coderAsked && first.coder !== 'e2e') throw new Error(`coder ${first.coder}, expected e2e`);
    if (first.informant !== 'K3') throw new Error(`informant ${first.informant}, expected K3`);
    await u.quickInput.waitFor({ state: 'hidden' });
    await u.goTo(FIRST.line, 1);
    await u.until('the new passage highlighted', () => u.decoratedAt(FIRST.quote));
    log(`2. Ctrl+Shift+Alt+T, "formell", Enter: ${first.id} [${first.concepts}] ${first.range}`);
    await u.shot('02-tagged-by-filter');

    // 3. Two concepts ticked with Space.
    before = files.annotations();
    await u.select(SECOND.line, SECOND.column, SECOND.quote.length);
    await page.keyboard.press('Control+Shift+Alt+T');
    await u.quickInput.filter({ hasText: 'Tag the selection' }).waitFor();
    await u.tick('Horisontal samordning');
    await u.tick('Tilretteleggeren');
    await u.shot('03-two-ticked');
    await page.keyboard.press('Enter');
    const second = await newAnnotation(before, SECOND.quote);
    if (!sameSet(second.concepts, ['samordning.horisontal', 'koordinator.tilrettelegger']))
      throw new Error(`"${SECOND.quote}" got ${second.concepts}`);
    await u.quickInput.waitFor({ state: 'hidden' });
    log(`3. two ticked: ${second.id} [${second.concepts}] ${second.range}`);

    // 4. Tag from the context menu; a coded passage's menu; a memo of two lines.
    before = files.annotations();
    await u.select(THIRD.line, THIRD.column, THIRD.quote.length);
    const selectionMenu = await u.contextMenuOnSelection(THIRD.quote);
    if (!selectionMenu.includes('Tag Selection…'))
      throw new Error(`the context menu lacks Tag Selection…: ${selectionMenu}`);
    await u.shot('04-context-menu-tag');
    await u.chooseFromMenu('Tag Selection…');
    await u.quickInput.filter({ hasText: 'Tag the selection' }).waitFor();
    await page.keyboard.type('Døråpneren');
    await u.highlighted('Døråpneren');
    await page.keyboard.press('Enter');
    const third = await newAnnotation(before, THIRD.quote);
    if (!sameSet(third.concepts, ['koordinator.doraapner'])) throw new Error(`"${THIRD.quote}" got ${third.concepts}`);
    await u.quickInput.waitFor({ state: 'hidden' });
    log(`4. from the context menu: ${third.id} [${third.concepts}] ${third.range}`);
    await u.goTo(6, 1);
    const passageMenu = await u.contextMenuAt(await u.charAt('ruskonsulenten her i', 5));
    for (const action of ['Change Concepts…', 'Edit Memo…', 'Remove Annotation']) {
      if (!passageMenu.includes(action))
        throw new Error(`the coded passage's context menu lacks ${action}: ${passageMenu}`);
    }
    await u.shot('04-passage-menu');
    await u.chooseFromMenu('Edit Memo…');
    // The memo's tab is named after the informant and the passage's first words.
    const memoTab = `Memo ${third.informant} «${third.quote.slice(0, 12)}`;
    await page.locator('.tabs-container .tab.active', { hasText: memoTab }).waitFor();
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
    await page.keyboard.type(MEMO[0]);
    await page.keyboard.press('Enter');
    await page.keyboard.type(MEMO[1]);
    await page.keyboard.press('Control+S');
    const memo = await u.until('the memo in the sidecar', () => files.find(third.id)?.memo);
    if (memo !== MEMO.join('\n'))
      throw new Error(`the sidecar's memo is ${JSON.stringify(memo)}, expected ${JSON.stringify(MEMO.join('\n'))}`);
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: memoTab }).waitFor();
    log(`4. memo of ${third.id} saved: ${JSON.stringify(memo)}`);
    await u.shot('04-memo-saved');

    // 5. Search and Tag by sentence, informants' turns ticked.
    before = files.annotations();
    await u.palette('F1', 'qcode: Search and Tag', 'Search and Tag');
    await u.quickInput.locator('input').waitFor();
    await page.keyboard.type(SEARCH.word);
    await u.rows.filter({ hasText: 'their sentences' }).first().click();
    await u.quickInput.filter({ hasText: 'Tag which of the' }).waitFor();
    const hitsTitle = await u.quickInput.locator('.quick-input-title').innerText();
    const hitCount = Number(/of the (\d+) hits/.exec(hitsTitle)?.[1]);
    const ticked = await u.quickInput.locator('.monaco-list-row[aria-checked="true"]').allInnerTexts();
    const unticked = await u.quickInput.locator('.monaco-list-row[aria-checked="false"]').allInnerTexts();
    log(`5. "${hitsTitle}": ${ticked.length} ticked, ${unticked.length} not`);
    if (ticked.length + unticked.length !== hitCount)
      throw new Error(`the list shows ${ticked.length + unticked.length} of ${hitCount} hits`);
    if (ticked.length < 3 || unticked.length < 1)
      throw new Error(
        `expected informants' hits ticked and the interviewer's not: ${ticked.length} / ${unticked.length}`,
      );
    if (!unticked.every((row) => /· I\b/.test(row)))
      throw new Error(`an unticked hit is not the interviewer's: ${unticked.join(' | ')}`);
    await u.shot('05-search-hits');
    await page.keyboard.press('Enter');
    await u.quickInput.filter({ hasText: /Tag \d+ passage/ }).waitFor();
    await page.keyboard.type(SEARCH.concept.filter);
    await u.highlighted('Vertikal samordning');
    await page.keyboard.press('Enter');
    await u.quickInput.waitFor({ state: 'hidden' });
    const searched = await u.until(`${ticked.length} new annotations`, () => {
      const found = files.added(before);
      return found.length >= ticked.length && found;
    });
    for (const a of searched) {
      const text = files.text(a.transcript);
      const at = text.indexOf(`${a.quote}${a.after ?? ''}`);
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const preceding = text.slice(lineStart, at);
      const problem = !new RegExp(SEARCH.word, 'i').test(a.quote)
        ? 'lacks the word'
        : !sameSet(a.concepts, [SEARCH.concept.id])
          ? `has concepts ${a.concepts}`
          : !/^\p{Lu}/u.test(a.quote) || !SENTENCE_END.test(a.quote)
            ? 'is not a whole sentence'
            : !/^\p{Lu}{1,2}\d{1,3}: (.*[.?!…] )?$/u.test(preceding)
              ? `does not start a sentence in an informant's turn (after "${preceding}")`
              : a.informant !== preceding.split(':')[0]
                ? `has informant ${a.informant}`
                : undefined;
      if (problem) throw new Error(`${a.transcript}: "${a.quote}" ${problem}`);
    }
    if (searched.length !== ticked.length)
      throw new Error(`${searched.length} new annotations for ${ticked.length} ticked hits`);
    log(`5. tagged by sentence: ${searched.map((a) => `${a.informant} "${a.quote}"`).join(', ')}`);
    await u.until('the status bar to say what was tagged', () =>
      page.locator('.statusbar', { hasText: `tagged ${searched.length} passage` }).isVisible(),
    );
    await u.quickOpen(K3, 'Intervju med K3');
    await u.goTo(29, 1);
    await u.until('the new sentences highlighted', () => u.decoratedAt('Ringe legevakten'));
    await u.shot('05-search-tagged');

    // 6. Remove a passage from its context menu, then Undo in the notification.
    await u.goTo(SECOND.line, 1);
    const removeMenu = await u.contextMenuAt(await u.charAt('Det er mye møter.', 4));
    if (!removeMenu.includes('Remove Annotation'))
      throw new Error(`no Remove Annotation on "${SECOND.quote}": ${removeMenu}`);
    await u.chooseFromMenu('Remove Annotation');
    const removed = u.toasts.filter({ hasText: `Removed: annotation «${SECOND.quote}» (K3)` });
    await removed.waitFor();
    await u.until('the annotation gone from disk', () => !files.find(second.id));
    await removed.getByRole('button', { name: 'Undo' }).waitFor();
    await u.shot('06-removed');
    await removed.getByRole('button', { name: 'Undo' }).click();
    const back = await u.until('the annotation back on disk', () => files.find(second.id));
    if (back.quote !== SECOND.quote || !sameSet(back.concepts, second.concepts))
      throw new Error(`came back as "${back.quote}" [${back.concepts}]`);
    await u.toasts.filter({ hasText: `Restored: annotation «${SECOND.quote}» (K3)` }).waitFor();
    log(`6. removed ${second.id}, undone: back on disk, "Restored" shown`);
    await u.shot('06-restored');

    // 7. A concept in the Codebook view lists its passages and its sub-concepts' across transcripts.
    await page.locator('.activitybar .action-item .action-label[aria-label^="qcode"]').click();
    const codebook = page
      .locator('.part.sidebar .pane')
      .filter({ has: page.locator('.pane-header', { hasText: /codebook/i }) });
    await codebook.locator('.monaco-list-row', { hasText: 'Koordinatorroller' }).first().click();
    const passagesTitle = await u.quickInput.locator('.quick-input-title', { hasText: 'Passages of' }).innerText();
    const underKoordinator = [...files.annotations()].flatMap(([transcript, list]) =>
      list
        .filter((a) => a.concepts.some((c) => c === 'koordinator' || c.startsWith('koordinator.')))
        .map((a) => ({ ...a, transcript })),
    );
    const transcripts = new Set(underKoordinator.map((a) => a.transcript));
    if (transcripts.size < 2)
      throw new Error('the sample should have Koordinatorroller passages in several transcripts');
    const listed = Number(/\((\d+)\)/.exec(passagesTitle)?.[1]);
    if (listed !== underKoordinator.length)
      throw new Error(`"${passagesTitle}" but ${underKoordinator.length} on disk in ${[...transcripts].join(', ')}`);
    await u.rows.first().waitFor();
    // A row: the passage, its transcript, then informant · concepts · coder · where the passage starts.
    const row = (await u.rows.first().innerText()).replace(/\s+/g, ' ').trim();
    const [, file, start] = /transcripts\/([^\s:]+):\d+ .* · (\d+:\d+)$/.exec(row) ?? [];
    const target = underKoordinator.find((a) => a.transcript === file && a.range.startsWith(`${start}-`));
    if (!target) throw new Error(`the first row "${row}" is no Koordinatorroller passage on disk`);
    log(
      `7. "${passagesTitle}" = ${underKoordinator.length} on disk in ${transcripts.size} transcripts; opening ${file} ${start}`,
    );
    await u.shot('07-concept-passages');
    await page.keyboard.press('Enter');
    const [, sl, sc, el, ec] = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(target.range).map(Number);
    if (sl !== el) throw new Error(`pick a one-line passage, not ${target.range}`);
    await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
    // The status bar names the selection's active end, here its end.
    await page
      .locator('.part.statusbar', { hasText: new RegExp(`Ln ${sl}, Col (${sc}|${ec}) \\(${ec - sc} selected\\)`) })
      .waitFor()
      .catch(async () => {
        throw new Error(
          `the selection is not at ${target.range}: ${await page.locator('.part.statusbar').innerText()}`,
        );
      });
    log(`7. ${file} open with ${target.range} selected`);
    await u.shot('07-passage-opened');

    // 8. Export Quotes… as Word with memos; the file holds the memo, and Open is offered.
    await u.palette('F1', 'qcode: Export Quotes', 'Export Quotes');
    await u.quickInput.filter({ hasText: 'Export tagged quotes as' }).waitFor();
    await u.rows.filter({ hasText: 'Word' }).first().click();
    await u.quickInput.filter({ hasText: 'Which concepts?' }).waitFor();
    await page.keyboard.press('Enter');
    await u.quickInput.filter({ hasText: 'Group the quotes' }).waitFor();
    await u.rows.filter({ hasText: 'By concept' }).first().click();
    await u.quickInput.filter({ hasText: 'Include with each quote' }).waitFor();
    await u.tick('Memos');
    await u.shot('08-export-memos');
    await page.keyboard.press('Enter');
    const saveAs = u.quickInput.locator('input');
    await u.until('the save dialog', async () => /quotes\.docx$/.test(await saveAs.inputValue().catch(() => '')));
    const out = path.join(ws, 'quotes.docx');
    await page.keyboard.press('Enter');
    const wrote = u.toasts.filter({ hasText: /Wrote \d+ quotes to quotes\.docx/ });
    await wrote.waitFor();
    if (!(await wrote.getByRole('button', { name: 'Open' }).isVisible()))
      throw new Error('the notification offers no Open button');
    const body = await u.until('quotes.docx on disk', () => fs.existsSync(out) && files.wordText(out));
    for (const line of MEMO) if (!body.includes(line)) throw new Error(`quotes.docx lacks the memo line "${line}"`);
    if (!body.includes(THIRD.quote)) throw new Error('quotes.docx lacks the quote of the memo');
    log(`8. ${await wrote.locator('.notification-list-item-message').innerText()}; the memo is in quotes.docx`);
    await u.shot('08-exported');

    // A picture of the whole window for the README: the Codebook, coloured passages, informant codes.
    await u.palette('F1', 'Notifications: Clear All Notifications', 'Clear All Notifications');
    await u.quickOpen(K3, 'Intervju med K3');
    await u.goTo(5, 1);
    await u.until('the passages highlighted', () => u.decoratedAt(THIRD.quote.slice(0, 20)));
    await u.shot('09-overview');
    ok = true;
  } catch (e) {
    const where =
      (e.stack ?? '')
        .split('\n')
        .find((l) => /firstDay(Ui)?\.js:\d+/.test(l))
        ?.trim() ?? '';
    console.error(`FIRST DAY FAILED: ${e.message.split('\n')[0]} ${where}`);
    await cs.keepFailure(page, server, ws);
  } finally {
    await cs.closeRun({ browser, server, ws, ok });
  }
  console.log(
    `first day: ${ok ? 'passed' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(1)} s, peak memory ${memory.stop()} MB`,
  );
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
