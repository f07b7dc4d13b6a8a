// End-to-end: the sample project's chapter beside VS Code's own Markdown preview, which shows the
// current quotes in place of the {{q:ID}} references. Screenshot: chapter-preview.png, where screenshotsDir in
// codeServer.js says.
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');
const { openWorkbench } = require('./workbench');

const SHOTS = cs.screenshotsDir();
const CHAPTER = 'chapters/kapittel-5.md';
const QUOTE = 'Hun vet hvordan systemet fungerer, hvem hun skal ringe';

async function main() {
  const t0 = Date.now();
  if (!process.env.QCODE_EXTENSION_PATH) cs.buildExtension();
  fs.mkdirSync(SHOTS, { recursive: true });
  const ws = cs.copySampleProject();
  const server = await cs.startCodeServer({ workspace: ws });
  const browser = await cs.launchChromium({ width: 1280, height: 1400 });
  const { page } = browser;
  page.setDefaultTimeout(30000);
  const step = (name) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}`);
  const quickInput = page.locator('.quick-input-widget');
  const palette = async (key, text, rowText) => {
    await page.keyboard.press(key);
    await quickInput.locator('input').waitFor();
    await page.keyboard.type(text);
    await quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: rowText }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  let ok = false;
  try {
    await openWorkbench(page, server, ws);
    step('workbench ready');
    await palette('Control+P', path.basename(CHAPTER), path.basename(CHAPTER));
    await page.locator('.monaco-editor .view-lines', { hasText: 'Kapittel 5' }).waitFor();
    // The project loads after activation; the preview renders the quotes once it has.
    await page
      .locator('.statusbar', { hasText: 'loading the project' })
      .waitFor({ state: 'detached', timeout: 60000 })
      .catch(() => {});
    await palette('F1', 'Markdown: Open Preview to the Side', 'Open Preview to the Side');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('blockquote', { hasText: QUOTE }).first().waitFor({ timeout: 60000 });
    const text = await preview.locator('body').innerText();
    if (text.includes('{{q:')) throw new Error('the preview still shows a reference');
    step('the preview shows the current quotes');
    await page.screenshot({ path: path.join(SHOTS, 'chapter-preview.png') });
    ok = true;
  } catch (e) {
    console.error(`E2E FAILED: ${e.message.split('\n')[0]}`);
    await cs.keepFailure(page, server, ws);
  } finally {
    await cs.closeRun({ browser, server, ws, ok });
  }
  console.log(`chapter preview: ${ok ? 'passed' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
