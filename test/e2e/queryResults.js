// End-to-end: Query Passages… in the real VS Code on a fresh copy of sample-project with one saved
// query in qcode.yaml. Types a query with a syntax error (the input box names its column), finishes
// it, and checks that the Query Results view lists the passages by transcript with the query and the
// count in its description, and that clicking a passage opens it selected. Screenshots:
// screenshots/query-syntax-error.png, query-results.png.
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');
const { pane, openQcode, giveRoomTo } = require('./workbench');

const SHOTS = cs.screenshotsDir();
const SAVED = 'queries:\n  fallskjerm-brukere: koordinator.fallskjerm and role=tjenestemottaker\n';
const PARTIAL = 'koordinator and';
const QUERY = 'koordinator and role=tjenestemottaker';

async function main() {
  const t0 = Date.now();
  if (!process.env.QCODE_EXTENSION_PATH) cs.buildExtension();
  const ws = cs.copySampleProject();
  fs.writeFileSync(path.join(ws, 'qcode.yaml'), SAVED);
  const server = await cs.startCodeServer({ workspace: ws });
  const browser = await cs.launchChromium({ width: 1280, height: 1400 });
  const { page } = browser;
  page.setDefaultTimeout(30000);
  const step = (name) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}`);
  const quickInput = page.locator('.quick-input-widget');
  let ok = false;
  try {
    await openQcode(page, server, ws);
    step('the project has loaded');

    await page.keyboard.press('F1');
    await quickInput.locator('input').waitFor();
    await page.keyboard.type('qcode: Query Passages');
    await quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ hasText: 'Query Passages' })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await quickInput.filter({ hasText: 'Query Passages' }).waitFor();
    await page.keyboard.type(PARTIAL);
    const message = quickInput.locator('.quick-input-message');
    await message.filter({ hasText: 'Column 16' }).waitFor();
    step(`the input box says: ${(await message.innerText()).trim()}`);
    await page.screenshot({ path: path.join(SHOTS, 'query-syntax-error.png') });
    await page.keyboard.press('Enter');
    if (!(await quickInput.isVisible())) throw new Error('the input box took a query with a syntax error');

    await page.keyboard.type(QUERY.slice(PARTIAL.length));
    await message.filter({ hasText: 'Column' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('Enter');
    const view = pane(page, /Query Results/i);
    const header = view.locator('.pane-header', { hasText: `${QUERY} ·` });
    await header.waitFor();
    const description = /koordinator and .*/.exec(await header.textContent())?.[0].trim();
    if (!/ · \d+ passages$/.test(description)) throw new Error(`the view's description is "${description}"`);
    await view.locator('.monaco-list-row', { hasText: 'intervju-K1.txt' }).waitFor();
    step(`the Query Results view shows ${description}`);
    await giveRoomTo(page, /^query results/i);
    await view.locator('.monaco-list-row', { hasText: 'Saved queries' }).click();
    await view.locator('.monaco-list-row', { hasText: 'fallskjerm-brukere' }).waitFor();
    // A passage opens its transcript with the passage selected.
    const firstTranscript = (
      await view
        .locator('.monaco-list-row', { hasText: /\d+ passages?$/ })
        .first()
        .locator('.label-name')
        .innerText()
    ).trim();
    await view
      .locator('.monaco-list-row', { hasText: /· line \d+$/ })
      .first()
      .click();
    await page.locator('.tabs-container .tab.active', { hasText: firstTranscript }).waitFor();
    await page.locator('.monaco-editor .selected-text').first().waitFor();
    step('a passage opened its transcript, selected');
    await page.screenshot({ path: path.join(SHOTS, 'query-results.png') });
    ok = true;
  } catch (e) {
    console.error(`E2E FAILED: ${e.message.split('\n')[0]}`);
    await cs.keepFailure(page, server, ws);
  } finally {
    await cs.closeRun({ browser, server, ws, ok });
  }
  console.log(`query results: ${ok ? 'passed' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
