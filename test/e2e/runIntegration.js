// Runs the integration tests (out/integration, built by test/integration/build.js) inside code-server's
// Node extension host, against a fresh copy of sample-project (or the folder QCODE_INTEGRATION_WORKSPACE
// names, opened as it is and left to its owner), and exits with the tests' exit code.
// code-server's CLI refuses --extensionDevelopmentPath/--extensionTestsPath; the workbench URL takes
// them as a payload. The test runner's console and exit code reach the page through
// window.codeAutomationLog / window.codeAutomationExit, which Playwright provides here.
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');

const TESTS = path.resolve(process.env.QCODE_TESTS_PATH || path.join(cs.REPO, 'out/integration/index.js'));
const TIMEOUT_MS = Number(process.env.QCODE_INTEGRATION_TIMEOUT_MS || 600000);

async function main() {
  if (!fs.existsSync(TESTS)) throw new Error(`${TESTS} is missing: run node test/integration/build.js`);
  const t0 = Date.now();
  const memory = cs.watchMemory();
  const given = process.env.QCODE_INTEGRATION_WORKSPACE;
  const workspace = given ? path.resolve(given) : cs.commitAll(cs.copySampleProject());
  const server = await cs.startCodeServer({ workspace });
  const browser = await cs.launchChromium();
  let code = 'timeout';
  try {
    const { page } = browser;
    let fromTests = false; // the workbench logs a lot before the tests start; print only the tests' output
    const exit = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (c) => resolve(c));
      page.exposeFunction('codeAutomationLog', (type, args) => {
        if (!fromTests && String(args[0]).startsWith('qcode integration tests: start')) fromTests = true;
        if (fromTests || type === 'error') (console[type] || console.log)(...args);
      });
    });
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(
      cs.workbenchUrl(server, workspace, [
        ['extensionDevelopmentPath', server.remote(cs.extensionPath())],
        ['extensionTestsPath', server.remote(TESTS)],
        ['skipWelcome', 'true'],
      ]),
    );
    code = await Promise.race([exit, cs.sleep(TIMEOUT_MS).then(() => 'timeout')]);
  } finally {
    await browser.close();
    await server.stop({ keep: code !== 0 });
    if (code !== 0) console.error(`kept for a look: ${server.log}, the workspace ${workspace}`);
    else if (!given) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`integration tests: exit code ${code} after ${secs} s, peak memory ${memory.stop()} MB`);
  return code === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
