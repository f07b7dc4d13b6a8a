// How soon after the window opens qcode is ready, measured in the real UI (code-server and
// Chromium): until the Codebook view lists the concepts, and until Tag Selection, picked from the
// palette on a transcript opened at once, has written the sidecar.
//
// code-server alone takes seconds to start an extension host here, and the machine is shared, so
// each window also runs the trivial extension in bench/host/baseline: one tree view with one item,
// in qcode's view container, and a command that writes a file. In the same window, under the same
// load, qcode's own share is
// - for the Codebook: when its concepts show, minus when the baseline's item shows;
// - for tagging: when the sidecar is written, minus when the baseline's command has written its
//   file after the same steps (open the transcript, select, pick the command and a concept) taken
//   at once in a window of the same setup with the baseline alone: the browser is slow while a
//   window starts, and only a window started the same way takes the steps as slowly. Windows of
//   the two kinds alternate, and the medians are compared.
// The earlier measure of the tagging share, which took the baseline's steps afterwards in qcode's
// window (when the browser had settled), is kept beside it as `taggingWorksSameWindowMs`.
/* global document, performance, window, MutationObserver, setTimeout -- inside the page */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const cs = require('../../test/e2e/codeServer');

const REPO = path.resolve(__dirname, '../..');
const BASELINE = path.join(__dirname, 'baseline');
const DECORATED = '.monaco-editor .view-overlays div[class*="ced-"], .monaco-editor .view-line span[class*="ced-"]';

/**
 * The projects measured, each with its targets for qcode's share: the sample, and generated
 * projects of 200 transcripts / 20,000 annotations and of 500 / 50,000 (a study of several years).
 */
function projects() {
  const generatedOne = (size, targets) => {
    const generated = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'generatedProject.ts'), size],
      { cwd: REPO, encoding: 'utf8' },
    );
    if (generated.status !== 0) throw new Error(`generating the benchmark project failed:\n${generated.stderr}`);
    const project = JSON.parse(generated.stdout);
    return {
      name: `${project.transcripts} transcripts / ${project.annotations.toLocaleString('en')} annotations`,
      transcripts: project.transcripts,
      annotations: project.annotations,
      copy: () => copyGenerated(project.root),
      tag: { transcript: 'transcripts/intervju-0001-K1.txt', line: 8 },
      again: { transcript: 'transcripts/intervju-0002-K2.txt', line: 8 },
      concept: 'Samordning',
      tagWith: 'Samordning: formell',
      targets,
    };
  };
  return [
    // Line 25 of intervju-K3.txt is the informant's answer that the end-to-end test tags too.
    {
      name: 'sample',
      copy: () => cs.copySampleProject(),
      tag: { transcript: 'transcripts/intervju-K3.txt', line: 25 },
      again: { transcript: 'transcripts/intervju-K1.txt', line: 9 },
      concept: 'Samordning',
      tagWith: 'Fallskjermen',
      targets: { listedMs: 1000, taggingMs: 1000 },
    },
    generatedOne('medium', { listedMs: 3000, taggingMs: 3000 }),
    generatedOne('study', { countedMs: 2000, taggingMs: 2000 }),
  ];
}

/** A writable copy of a generated project, with the editor settings that qcode init writes. */
function copyGenerated(root) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qcode-ws-')), 'generated');
  fs.cpSync(root, dir, { recursive: true, filter: (p) => !p.endsWith('.bench-meta.json') });
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.copyFileSync(path.join(REPO, 'sample-project/.vscode/settings.json'), path.join(dir, '.vscode/settings.json'));
  return dir;
}

/**
 * Runs in the page before the workbench: notes the wall-clock time at which each condition is first
 * met (an element matching the selector, containing the text), checking after every DOM change.
 */
function recorder(conditions) {
  if (window !== window.top) return;
  const seen = {};
  window.qcodeBenchSeen = seen;
  let scheduled = false;
  const check = () => {
    scheduled = false;
    for (const c of conditions) {
      const matches = (el) =>
        c.pattern ? new RegExp(c.pattern).test(el.textContent) : el.textContent.includes(c.text);
      if (seen[c.name] || ![...document.querySelectorAll(c.selector)].some(matches)) continue;
      seen[c.name] = performance.timeOrigin + performance.now();
    }
  };
  const observe = () =>
    new MutationObserver(() => {
      if (!scheduled) setTimeout(check, 0);
      scheduled = true;
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) observe();
  else document.addEventListener('DOMContentLoaded', observe);
}

/** One window with qcode and the baseline; returns its times in milliseconds from the window opening. */
async function runOnce(project) {
  return inWindow(project, true, async (page, ws, since) => {
    await page.locator('.activitybar .action-item .action-label[aria-label^="qcode"]').click();
    const stepsStarted = Date.now();
    const tagged = await tag(
      page,
      ws,
      project.tag,
      'qcode: Tag Selection',
      project.tagWith,
      project.tag.transcript + '.annotations.yaml',
    );
    await page.locator('.part.sidebar .monaco-list-row', { hasText: project.concept }).first().waitFor();
    await page.locator('.part.sidebar', { hasText: 'Counting the tagged passages' }).waitFor({ state: 'detached' });
    await page.locator('.statusbar', { hasText: 'qcode: loading the project' }).waitFor({ state: 'detached' });
    const reference = await tag(
      page,
      ws,
      project.again,
      'Baseline: Write the Selection',
      'Baseline concept',
      `${project.again.transcript}.baseline.yaml`,
    );
    const seen = await page.evaluate(() => window.qcodeBenchSeen);
    return {
      listedMs: since(seen.listed),
      countedMs: since(seen.counted),
      baselineListedMs: since(seen.baselineListed),
      decoratedMs: since(seen.decorated),
      openedMs: since(tagged.opened),
      offeredMs: since(tagged.offered),
      writtenMs: since(tagged.written),
      stepsStartedMs: since(stepsStarted),
      stepsMs: reference.written - reference.started,
      commandMs: reference.written - reference.offered,
      emptyStateSeen: !!seen.emptyState,
      loadingStateSeen: !!seen.loadingState,
    };
  });
}

/**
 * One window of the same setup with the baseline alone: the same steps at once, with the
 * baseline's command in place of Tag Selection; returns when its file was written.
 */
async function runBaselineAlone(project) {
  return inWindow(project, false, async (page, ws, since) => {
    await page.locator('.activitybar .action-item .action-label[aria-label^="Explorer"]').waitFor();
    const stepsStarted = Date.now();
    const tagged = await tag(
      page,
      ws,
      project.tag,
      'Baseline: Write the Selection',
      'Baseline concept',
      `${project.tag.transcript}.baseline.yaml`,
    );
    return {
      openedMs: since(tagged.opened),
      offeredMs: since(tagged.offered),
      writtenMs: since(tagged.written),
      stepsStartedMs: since(stepsStarted),
    };
  });
}

/** Opens a window on a copy of the project, with the baseline and (if `withQcode`) qcode, and runs `steps` in it. */
async function inWindow(project, withQcode, steps) {
  const ws = project.copy();
  // Installed as an ordinary extension: the workbench takes only one extension under development.
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcode-bench-ext-'));
  fs.cpSync(BASELINE, path.join(extensionsDir, 'qcode-bench.baseline-0.0.1'), { recursive: true });
  const server = await cs.startCodeServer({ workspace: ws, extensionsDir });
  const userSettings = path.join(server.dir, 'udd/User/settings.json');
  fs.writeFileSync(
    userSettings,
    JSON.stringify({ ...JSON.parse(fs.readFileSync(userSettings, 'utf8')), 'qcode.coder': 'bench' }, null, 2),
  );
  const browser = await cs.launchChromium({ width: 1280, height: 800 });
  const { page } = browser;
  page.setDefaultTimeout(180000);
  await page.addInitScript(recorder, [
    { name: 'listed', selector: '.part.sidebar .monaco-list-row', text: project.concept },
    // The concept's row with its count of tagged passages (shown once the whole project has loaded).
    { name: 'counted', selector: '.part.sidebar .monaco-list-row', pattern: `^${project.concept}\\s*\\d+$` },
    { name: 'baselineListed', selector: '.part.sidebar .monaco-list-row', text: 'Baseline ready' },
    { name: 'emptyState', selector: '.part.sidebar', text: 'There is no codebook' },
    { name: 'loadingState', selector: '.part.sidebar', text: 'Loading the codebook' },
    { name: 'decorated', selector: DECORATED, text: '' },
  ]);
  let failed = true;
  try {
    const opened = Date.now();
    const development = withQcode ? [['extensionDevelopmentPath', server.remote(cs.extensionPath())]] : [];
    await page.goto(cs.workbenchUrl(server, ws, [...development, ['skipWelcome', 'true']]));
    const since = (t) => (t === undefined ? null : Math.round(t - opened));
    const result = await steps(page, ws, since);
    failed = false;
    return result;
  } catch (error) {
    const failure = path.join(server.dir, 'failure.png');
    await page.screenshot({ path: failure }).catch(() => {});
    throw new Error(
      `${project.name}${withQcode ? '' : ', the baseline alone'}: ${error.message.split('\n')[0]} (see ${failure}, ${server.log})`,
    );
  } finally {
    await browser.close();
    await server.stop({ keep: failed });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
    if (!failed) fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  }
}

/**
 * As a person would with the keyboard: opens the transcript through Quick Open, selects the rest of
 * a speaker's line, asks the palette for the command until it is offered, picks the concept and
 * waits for the file the command writes. Returns when it started, its tab opened, the command was
 * offered and had written.
 */
async function tag(page, ws, where, command, concept, writes) {
  const input = page.locator('.quick-input-widget input');
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const file = path.join(ws, writes);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const name = path.basename(where.transcript);
  const times = { started: Date.now() };
  await page.keyboard.press('Control+P');
  await input.waitFor();
  await page.keyboard.type(name);
  await rows.filter({ hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  times.opened = Date.now();
  await page.keyboard.press('Control+G');
  await input.waitFor();
  await page.keyboard.type(`${where.line}:5`);
  await rows
    .filter({ hasText: `line ${where.line} and character 5` })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+End');
  await page.locator('.statusbar', { hasText: /\(\d+ selected\)/ }).waitFor();
  await page.keyboard.press('F1');
  await input.waitFor();
  await page.keyboard.type(command);
  const offered = rows.first().filter({ hasText: command });
  while (!(await offered.count())) {
    await page.keyboard.press('Backspace');
    await page.keyboard.type(command.slice(-1));
    await cs.sleep(100);
  }
  times.offered = Date.now();
  await page.keyboard.press('Enter');
  await pick(page, rows, concept);
  while (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') === before) await cs.sleep(25);
  times.written = Date.now();
  await input.waitFor({ state: 'hidden' });
  return times;
}

/**
 * Picks a concept as the walkthrough tells a user to: types its label and, once its row is
 * highlighted, presses Enter, which with nothing ticked takes the highlighted concept.
 */
async function pick(page, rows, label) {
  await rows.first().waitFor();
  await page.keyboard.type(label);
  await rows.and(page.locator('.focused')).filter({ hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
};

/** qcode's own share in one window (see the top of this file), but for tagging with the baseline alone. */
function shares(run) {
  return {
    codebookListedMs: run.listedMs - run.baselineListedMs,
    codebookCountedMs: run.countedMs === null ? null : run.countedMs - run.baselineListedMs,
    taggingWorksSameWindowMs:
      run.writtenMs - Math.max(run.baselineListedMs + run.commandMs, run.stepsStartedMs + run.stepsMs),
  };
}

/**
 * Opens `runs` windows per project with qcode and as many with the baseline alone, alternating;
 * returns every run and the medians.
 */
async function measureStartup(runs, log = console.log) {
  const results = [];
  for (const project of projects()) {
    const all = [];
    const alone = [];
    for (let i = 0; i < runs; i++) {
      const run = await runOnce(project);
      run.share = shares(run);
      log(`${project.name}: ${JSON.stringify(run)}`);
      all.push(run);
      const baseline = await runBaselineAlone(project);
      log(`${project.name}, the baseline alone: ${JSON.stringify(baseline)}`);
      alone.push(baseline);
    }
    const middle = (pick) => median(all.map(pick));
    const baselineWrittenMs = median(alone.map((r) => r.writtenMs));
    results.push({
      project: project.name,
      ...(project.annotations ? { transcripts: project.transcripts, annotations: project.annotations } : {}),
      runs,
      targets: project.targets,
      fromWindowOpening: {
        baselineTreeItemMs: middle((r) => r.baselineListedMs),
        codebookListedMs: middle((r) => r.listedMs),
        codebookCountedMs: middle((r) => r.countedMs),
        transcriptOpenedMs: middle((r) => r.openedMs),
        transcriptDecoratedMs: middle((r) => r.decoratedMs),
        tagSelectionOfferedMs: middle((r) => r.offeredMs),
        taggingWorksMs: middle((r) => r.writtenMs),
        baselineAloneWrittenMs: baselineWrittenMs,
      },
      share: {
        codebookListedMs: middle((r) => r.share.codebookListedMs),
        codebookCountedMs: middle((r) => r.share.codebookCountedMs),
        taggingWorksMs: middle((r) => r.writtenMs) - baselineWrittenMs,
        taggingWorksSameWindowMs: middle((r) => r.share.taggingWorksSameWindowMs),
      },
      emptyStateSeen: all.some((r) => r.emptyStateSeen),
      every: all,
      baselineAlone: alone,
    });
  }
  return results;
}

module.exports = { projects, runOnce, runBaselineAlone, measureStartup };
