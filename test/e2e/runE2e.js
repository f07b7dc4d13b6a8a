// End-to-end test: drives the real VS Code UI (code-server + Debian Chromium) with the keyboard as a
// researcher would, against a fresh copy of sample-project: open a transcript, select a passage, tag
// it through "qcode: Tag Selection…", check the sidecar on disk, the decorations and the qcode view.
// Screenshots (1280x800) go to out/screenshots/ (see screenshotsDir in codeServer.js). Exit code 0 when every step
// passed.
/* global document, NodeFilter -- inside page.evaluate */
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');
const { openWorkbench } = require('./workbench');

const SHOTS = cs.screenshotsDir();
const TRANSCRIPT = 'transcripts/intervju-K3.txt';
// "K3: Det reddet meg, kanskje. ..." after the speaker label
const LINE = 25;
const COLUMN = 5;
const CONCEPT = { label: 'Fallskjermen', id: 'koordinator.fallskjerm' };
// Decorations are rendered as spans inside the text (colours, borders, ...) or, for a background
// alone, as divs in the overlay layer behind it; both carry a ced-* class.
const INLINE = '.monaco-editor .view-line span[class*="ced-"]';
const OVERLAY = '.monaco-editor .view-overlays div[class*="ced-"]';
const { parse } = require(path.join(cs.REPO, 'node_modules/yaml'));

async function main() {
  const t0 = Date.now();
  if (!process.env.QCODE_EXTENSION_PATH) cs.buildExtension();
  fs.mkdirSync(SHOTS, { recursive: true });
  // No stale pictures from an earlier run; first-day/ belongs to firstDay.js.
  for (const name of fs.readdirSync(SHOTS).filter((n) => n.endsWith('.png'))) fs.rmSync(path.join(SHOTS, name));
  const memory = cs.watchMemory();
  const ws = cs.copySampleProject();
  const sidecar = path.join(ws, `${TRANSCRIPT}.annotations.yaml`);
  const idsBefore = new Set(parse(fs.readFileSync(sidecar, 'utf8')).annotations.map((a) => a.id));
  const lines = fs.readFileSync(path.join(ws, TRANSCRIPT), 'utf8').split('\n');
  const quote = lines[LINE - 1].slice(COLUMN - 1);
  const server = await cs.startCodeServer({ workspace: ws });
  const browser = await cs.launchChromium({ width: 1280, height: 1400 });
  const { page } = browser;
  page.setDefaultTimeout(30000);
  const step = (name) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}`);
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const quickInput = page.locator('.quick-input-widget');
  const rows = quickInput.locator('.quick-input-list .monaco-list-row');
  // Ctrl+P / F1: type into the quick input, wait for the row, accept it.
  const palette = async (key, text, rowText) => {
    await page.keyboard.press(key);
    await quickInput.locator('input').waitFor();
    await page.keyboard.type(text);
    await rows.filter({ hasText: rowText }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  let ok = false;
  try {
    await openWorkbench(page, server, ws);
    step('workbench ready');

    await palette('Control+P', path.basename(TRANSCRIPT), path.basename(TRANSCRIPT));
    await page.locator('.monaco-editor .view-lines', { hasText: 'Intervju med K3' }).waitFor();
    // Decorations on screen, and whether one lies under the first character of the quote (spaces in the
    // rendered text are nbsp; background-only decorations are divs behind the line, not inside it).
    const decorations = () =>
      page.evaluate(
        ([inlineSel, overlaySel, text]) => {
          const inline = [...document.querySelectorAll(inlineSel)],
            overlay = [...document.querySelectorAll(overlaySel)];
          const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) =>
            l.textContent.replace(/\u00a0/g, ' ').includes(text),
          );
          if (!line) return { inline: inline.length, overlay: overlay.length, onQuote: null };
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let offset = line.textContent.replace(/\u00a0/g, ' ').indexOf(text),
            node;
          while ((node = walker.nextNode()) && node.length <= offset) offset -= node.length;
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const c = range.getBoundingClientRect(),
            x = c.left + c.width / 2,
            y = c.top + c.height / 2;
          const onQuote = [...inline, ...overlay].some((el) => {
            const r = el.getBoundingClientRect();
            return r.left <= x && x < r.right && r.top <= y && y < r.bottom;
          });
          return { inline: inline.length, overlay: overlay.length, onQuote };
        },
        [INLINE, OVERLAY, quote.slice(0, 20)],
      );
    await page
      .locator(`${INLINE}, ${OVERLAY}`)
      .first()
      .waitFor({ timeout: 15000 })
      .catch(() => {});
    const before = await decorations();
    step(`${TRANSCRIPT} open, decorations: ${JSON.stringify(before)}`);
    if (before.onQuote) throw new Error('the passage to tag is decorated already');
    await shot('01-transcript');

    await page.keyboard.press('Control+G'); // Go to Line/Column, then select to the end of the line
    await quickInput.locator('input').waitFor();
    await page.keyboard.type(`${LINE}:${COLUMN}`);
    await page.keyboard.press('Enter');
    // Transcripts wrap: End goes to the end of the line on screen first, pressed again to the end of the line.
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Shift+End');
    await page.locator('.statusbar', { hasText: `(${quote.length} selected)` }).waitFor();
    step(`selected ${LINE}:${COLUMN} to the end of the line (${quote.length} characters)`);

    await palette('F1', 'qcode: Tag Selection', 'Tag Selection');
    await rows.first().waitFor();
    await page.keyboard.type(CONCEPT.label);
    const row = rows.filter({ hasText: CONCEPT.label }).first();
    await row.waitFor();
    if ((await row.getAttribute('aria-checked')) !== null) {
      // A canPickMany quick pick: typing only filters, focus stays in the input, Space there would type a
      // space and Enter accepts the checked items. Arrow into the list to the row, check it with Space.
      await page.keyboard.press('ArrowDown');
      for (let i = 0; i < 20 && !/\bfocused\b/.test(await row.getAttribute('class')); i++)
        await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await quickInput.locator('.monaco-list-row[aria-checked="true"]', { hasText: CONCEPT.label }).waitFor();
    }
    await shot('02-tag-quick-pick');
    await page.keyboard.press('Enter');
    step(`picked ${CONCEPT.label}`);

    // The first tagging without a coder name (setting qcode.coder) asks for one: answer as a new coder would.
    let added,
      askedCoder = false;
    for (const until = Date.now() + 15000; !added && Date.now() < until; await cs.sleep(200)) {
      if (!askedCoder && (await quickInput.filter({ hasText: /coder/i }).isVisible())) {
        await shot('02b-coder-name');
        await page.keyboard.type('e2e');
        await page.keyboard.press('Enter');
        askedCoder = true;
        step('answered the coder-name prompt with "e2e"');
      }
      let text;
      try {
        text = fs.readFileSync(sidecar, 'utf8');
      } catch (e) {
        if (e.code !== 'ENOENT') throw e;
        console.warn('warning: the sidecar was missing for a moment while being written (not atomic for readers)');
        continue;
      }
      added = parse(text).annotations.find((a) => !idsBefore.has(a.id));
    }
    if (!added) throw new Error(`no new annotation in ${path.basename(sidecar)} after 15 s`);
    if (added.quote !== quote)
      throw new Error(`new annotation quotes ${JSON.stringify(added.quote)}, expected ${JSON.stringify(quote)}`);
    if (!added.concepts.includes(CONCEPT.id))
      throw new Error(`new annotation has concepts ${added.concepts}, expected ${CONCEPT.id}`);
    if (askedCoder && added.coder !== 'e2e') throw new Error(`new annotation has coder ${added.coder}, expected e2e`);
    await quickInput.waitFor({ state: 'hidden' });
    step(`sidecar on disk has annotation ${added.id}: [${added.concepts}] range ${added.range} coder ${added.coder}`);

    await page.keyboard.press('Home'); // drop the selection and scroll back to column 1
    let after = await decorations();
    for (const until = Date.now() + 10000; !after.onQuote; await cs.sleep(200)) {
      if (Date.now() > until) throw new Error(`the tagged passage is not decorated: ${JSON.stringify(after)}`);
      after = await decorations();
    }
    step(`decorations: ${JSON.stringify(after)}`);
    await shot('03-tagged');

    await page.locator('.activitybar .action-item .action-label[aria-label^="qcode"]').click();
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.composite.title', { hasText: /qcode/i }).waitFor();
    const pane = (name) => sidebar.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: name }) });
    step(
      `qcode view open: ${(await sidebar.locator('.pane-header').allInnerTexts()).map((t) => t.split('\n')[0]).join(', ')}`,
    );
    // With five views in the container the Codebook pane may be short: scroll it to the concept.
    const codebookList = pane(/codebook/i)
      .locator('.monaco-list')
      .first();
    for (
      let i = 0;
      i < 20 &&
      !(await pane(/codebook/i)
        .locator('.monaco-list-row', { hasText: 'Koordinatorroller' })
        .count());
      i++
    ) {
      await codebookList.hover();
      await page.mouse.wheel(0, 60);
      await cs.sleep(100);
    }
    await pane(/codebook/i)
      .locator('.monaco-list-row', { hasText: 'Koordinatorroller' })
      .first()
      .waitFor({ timeout: 10000 })
      .catch(() => {
        throw new Error('the Codebook view does not list the concept "Koordinatorroller"');
      });
    await pane(/annotations/i)
      .locator('.monaco-list-row', { hasText: quote.slice(0, 20) })
      .first()
      .waitFor({ timeout: 10000 })
      .catch(() => {
        throw new Error('the Annotations view does not list the new passage');
      });
    step('the Codebook view lists the concepts, the Annotations view the new passage');
    await shot('04-qcode-view');

    // The agreement report of the sample's two coders (every coder starts checked: uncheck the one
    // this test added), then a disagreement opens its passage.
    await palette('F1', 'qcode: Intercoder Agreement', 'Intercoder Agreement');
    const e2eCoder = rows.filter({ hasText: /^e2e/ }).first();
    await e2eCoder.click();
    await quickInput.locator('.monaco-list-row[aria-checked="false"]', { hasText: 'e2e' }).waitFor();
    await page.keyboard.press('Enter');
    const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await report.locator('h1', { hasText: 'Intercoder agreement' }).waitFor();
    const kappaCells = await report.locator('tr.total td.n').allInnerTexts();
    step(`agreement report open; all concepts: ${kappaCells.join(' | ')}`);
    if (!kappaCells.some((t) => /^-?\d\.\d{3}$/.test(t)))
      throw new Error(`no kappa or alpha in the report's total row: ${kappaCells}`);
    await shot('05-agreement');
    const disagreement = report.locator('button[data-open]').first();
    const place = /^([^:]+):(\d+):/.exec(await disagreement.getAttribute('title').then((t) => t.replace(/^\S+ /, '')));
    await disagreement.click();
    await page.locator('.statusbar', { hasText: /\(\d+ selected\)/ }).waitFor();
    await page
      .locator('.tabs-container .tab.active', { hasText: path.basename(place[1]) })
      .first()
      .waitFor();
    step(`a disagreement opened ${place[1]} at line ${place[2]} with its passage selected`);
    await shot('06-disagreement-opened');

    // Blind coding: only one coder's annotations, and the status bar says so.
    await palette('F1', 'qcode: Show Coders', 'Show Coders');
    await rows.filter({ hasText: 'jonas' }).first().click();
    await page.locator('.statusbar', { hasText: 'only jonas' }).waitFor();
    step('coder filter: only jonas');
    await shot('07-coder-filter');

    // The analysis matrix: a cell lists its passages; then the same in a dark theme.
    await palette('F1', 'View: Close All Editors', 'Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await palette('F1', 'qcode: Show Analysis Matrices', 'Show Analysis Matrices');
    const matrix = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await matrix.locator('table td button').first().waitFor();
    const busiest = matrix.locator('td.l5 button').first();
    const cellLabel = await busiest.getAttribute('aria-label');
    await busiest.click();
    await matrix.locator('li button[data-open]').first().waitFor();
    const listed = await matrix.locator('li button[data-open]').count();
    const expected = Number(/: (\d+) /.exec(cellLabel)?.[1]);
    if (listed !== expected) throw new Error(`the cell "${cellLabel}" lists ${listed} passages`);
    step(`matrix open; the cell "${cellLabel}" lists ${listed} passages`);
    await shot('08-matrix-light');
    await palette('F1', 'Toggle between Light/Dark Themes', 'Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs-dark').waitFor();
    await matrix.locator('li button[data-open]').first().waitFor();
    await cs.sleep(500);
    step('dark theme');
    await shot('09-matrix-dark');
    ok = true;
  } catch (e) {
    console.error(`E2E FAILED: ${e.message.split('\n')[0]}`);
    await cs.keepFailure(page, server, ws);
  } finally {
    await cs.closeRun({ browser, server, ws, ok });
  }
  console.log(
    `e2e: ${ok ? 'passed' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(1)} s, peak memory ${memory.stop()} MB`,
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
