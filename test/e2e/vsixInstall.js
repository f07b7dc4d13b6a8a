// End-to-end: the packaged extension as a researcher gets it. `npm run package` builds the .vsix,
// code-server installs it (--install-extension) into an empty extensions folder with its own user
// data, and a window on a fresh copy of sample-project, with no extension under development, shows
// the Codebook listing the concepts of codebook.yaml. Screenshot: screenshots/vsix-codebook.png.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const cs = require('./codeServer');

const SHOTS = cs.screenshotsDir();
const CODE_SERVER = path.join(__dirname, 'node_modules/code-server/out/node/entry.js');
const { parse } = require(path.join(cs.REPO, 'node_modules/yaml'));

/** `npm run package` with the .vsix written into dir; returns its path. */
function packageVsix(dir) {
  const vsix = path.join(dir, 'qcode.vsix');
  const r = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: cs.REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  if (/\bWARNING\b|\bERROR\b/.test(r.stdout + r.stderr))
    throw new Error(`npm run package warned:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

/** code-server --install-extension into its own extensions folder and user data; returns the folder it made. */
function installVsix(vsix, dir, id) {
  const extensionsDir = path.join(dir, 'extensions');
  const xdg = path.join(dir, 'xdg');
  const r = spawnSync(
    process.execPath,
    [
      CODE_SERVER,
      '--install-extension',
      vsix,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      path.join(dir, 'user-data'),
    ],
    {
      encoding: 'utf8',
      timeout: 120000,
      env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, EXTENSIONS_GALLERY: '{}' },
    },
  );
  const said = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 || !said.includes(`Extension '${path.basename(vsix)}' was successfully installed`)) {
    throw new Error(`code-server --install-extension failed (${r.status}):\n${said}`);
  }
  const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith(`${id}-`));
  if (installed.length !== 1)
    throw new Error(`expected one ${id} in ${extensionsDir}: ${fs.readdirSync(extensionsDir)}`);
  return { extensionsDir, folder: path.join(extensionsDir, installed[0]) };
}

/** The labels of the top-level concepts of the sample project's codebook. */
function topConcepts(ws) {
  const codebook = parse(fs.readFileSync(path.join(ws, 'codebook.yaml'), 'utf8'));
  const labels = (codebook.concepts || []).map((c) => c.label);
  if (labels.length < 2) throw new Error(`codebook.yaml has ${labels.length} top-level concepts`);
  return labels;
}

async function main() {
  const t0 = Date.now();
  const step = (name) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${name}`);
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(cs.REPO, 'package.json'), 'utf8'));
  const id = `${publisher}.${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcode-vsix-'));
  const vsix = packageVsix(dir);
  step(`npm run package: ${path.basename(vsix)}, ${Math.round(fs.statSync(vsix).size / 1024)} KB`);
  const { extensionsDir, folder } = installVsix(vsix, dir, id);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  if (manifest.version !== version) throw new Error(`installed ${manifest.version}, packaged ${version}`);
  for (const file of ['dist/extension.js', 'LICENSE.txt', 'media/icon.png']) {
    if (!fs.existsSync(path.join(folder, file))) throw new Error(`the installed extension has no ${file}`);
  }
  step(`installed ${path.basename(folder)} into a clean extensions folder`);

  fs.mkdirSync(SHOTS, { recursive: true });
  const ws = cs.copySampleProject();
  const concepts = topConcepts(ws);
  const server = await cs.startCodeServer({ workspace: ws, extensionsDir });
  const browser = await cs.launchChromium({ width: 1280, height: 1400 });
  const { page } = browser;
  page.setDefaultTimeout(30000);
  let ok = false;
  try {
    await page.goto(cs.workbenchUrl(server, ws, [['skipWelcome', 'true']]));
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: 'codebook.yaml' })
      .first()
      .waitFor({ timeout: 90000 });
    step('workbench ready');
    await page.locator('.activitybar .action-item .action-label[aria-label^="qcode"]').click({ timeout: 60000 });
    const codebook = page
      .locator('.part.sidebar .pane')
      .filter({ has: page.locator('.pane-header', { hasText: /codebook/i }) });
    const rows = codebook.locator('.monaco-list-row');
    await rows
      .filter({ hasText: concepts[0] })
      .first()
      .waitFor({ timeout: 60000 })
      .catch(() => {
        throw new Error(`the Codebook view does not list "${concepts[0]}"`);
      });
    await page.locator('.statusbar', { hasText: 'loading the project' }).waitFor({ state: 'detached', timeout: 90000 });
    // The tree draws only the rows in sight: collapse it to the top level, which fits.
    await codebook.locator('.pane-header').hover();
    await codebook.locator('.pane-header .action-label[aria-label^="Collapse All"]').click();
    await rows.nth(concepts.length).waitFor({ state: 'detached' });
    const listed = await rows.locator('.label-name').allInnerTexts();
    const counts = await rows.locator('.label-description').allInnerTexts();
    if (counts.length !== listed.length || !counts.every((c) => /^\d+$/.test(c.trim()))) {
      throw new Error(`concepts without their counts: ${listed} / ${counts}`);
    }
    if (JSON.stringify(listed) !== JSON.stringify(concepts)) {
      throw new Error(`the Codebook lists ${JSON.stringify(listed)}, codebook.yaml has ${JSON.stringify(concepts)}`);
    }
    step(
      `the Codebook lists the ${concepts.length} top-level concepts with their counts: ${listed.map((l, i) => `${l} ${counts[i]}`).join(', ')}`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'vsix-codebook.png') });
    ok = true;
  } catch (e) {
    console.error(`E2E FAILED: ${e.message.split('\n')[0]}`);
    await cs.keepFailure(page, server, ws);
  } finally {
    await cs.closeRun({ browser, server, ws, ok });
    if (ok) fs.rmSync(dir, { recursive: true, force: true });
    else console.error(`kept for a look: ${dir}`);
  }
  console.log(`vsix install: ${ok ? 'passed' : 'FAILED'} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
