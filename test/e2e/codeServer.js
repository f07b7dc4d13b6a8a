// Starts code-server (VS Code 1.100.3, server build) and Debian's Chromium for the real-VS-Code tests,
// each isolated in a temporary folder and kept off the network. See test/e2e/README.md.
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { setInterval, clearInterval } = require('node:timers');
const { setTimeout: sleep } = require('node:timers/promises');

const REPO = path.resolve(__dirname, '../..');
const CODE_SERVER = path.join(__dirname, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Without these Chromium keeps trying to reach Google's services through the closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'npm.fetchOnlinePackageInfo': false,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** The extension under test: the repository, or QCODE_EXTENSION_PATH (e.g. a copy with a stub build). */
const extensionPath = () => path.resolve(process.env.QCODE_EXTENSION_PATH || REPO);

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A writable copy of sample-project (whose files are read-only in the repository) in a new temp folder. */
function copySampleProject() {
  const dir = path.join(tempDir('qcode-ws-'), 'sample-project');
  fs.cpSync(path.join(REPO, 'sample-project'), dir, { recursive: true });
  const makeWritable = (p) => {
    fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
    if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) makeWritable(path.join(p, e));
  };
  makeWritable(dir);
  return dir;
}

/** Makes a folder a git repository with everything in it committed on branch main. */
function commitAll(dir) {
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=qcode tests', '-c', 'user.email=tests@qcode.invalid', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The sample project');
  return dir;
}

/** Bundles dist/extension.js (and the CLI) with the repository's esbuild.js; throws if that fails. */
function buildExtension() {
  const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on('error', () => resolve(0));
  });
}

/**
 * Starts code-server on a free 127.0.0.1 port with its own user data, extensions and XDG folders
 * under a temp folder, no gallery and no auth; resolves once /healthz answers.
 * Returns { url, port, dir, log, remote(absPath), stop() }.
 */
async function startCodeServer({ workspace, extensionsDir, port, args = [], stdio } = {}) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run test/e2e/install.sh');
  port = port || (await freePort());
  const dir = tempDir('qcode-cs-');
  const udd = path.join(dir, 'udd');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(path.join(udd, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.mkdirSync(path.join(dir, 'tmp'));
  const log = path.join(dir, 'code-server.log');
  const out = stdio || fs.openSync(log, 'w');
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      udd,
      '--extensions-dir',
      extensionsDir || path.join(dir, 'ext'),
      ...args,
      ...(workspace ? [workspace] : []),
    ],
    {
      detached: true, // its own process group, so stop() also ends the extension host and helpers
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'xdg'),
        XDG_DATA_HOME: path.join(dir, 'xdg'),
        TMPDIR: path.join(dir, 'tmp'),
        EXTENSIONS_GALLERY: '{}',
      },
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let running = true;
  exited.then(() => {
    running = false;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async ({ keep = false } = {}) => {
    if (running) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      if ((await Promise.race([exited.then(() => true), sleep(5000)])) !== true) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await exited;
      }
    }
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const t0 = Date.now(); (await httpStatus(`${url}/healthz`)) !== 200; await sleep(100)) {
    if (!running || Date.now() - t0 > 60000) {
      const tail = stdio ? '' : fs.readFileSync(log, 'utf8').slice(-3000);
      await stop();
      throw new Error(`code-server did not start\n${tail}`);
    }
  }
  return { url, port, dir, log, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`, stop };
}

/** Headless Debian Chromium with a fresh profile. Returns { context, page, close() }. */
async function launchChromium({ width = 1280, height = 800 } = {}) {
  const { chromium } = require('playwright-core');
  const profile = tempDir('qcode-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** The workbench URL for a folder, with an optional payload (extensionDevelopmentPath, ...). */
function workbenchUrl(server, folder, payload) {
  let u = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/**
 * Samples the memory of this process and all its descendants (code-server, the extension host,
 * Chromium) every half second; stop() returns the peak in MB. PSS: shared pages are split among the
 * processes sharing them, so the sum is what the tree really occupies.
 */
function watchMemory() {
  let peak = 0;
  const sample = () => {
    const parent = new Map();
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        parent.set(+pid, +fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      } catch {
        /* gone */
      }
    }
    let kb = 0;
    for (const pid of parent.keys()) {
      let p = pid;
      while (p > 1 && p !== process.pid) p = parent.get(p) || 0;
      if (p !== process.pid) continue;
      try {
        kb += +/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1];
      } catch {
        /* gone */
      }
    }
    peak = Math.max(peak, kb);
  };
  const timer = setInterval(sample, 500);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peak / 1024);
    },
  };
}

/** After a failed run: a picture of the window, and where the log and the workspace are kept. */
async function keepFailure(page, server, ws) {
  const failure = path.join(server.dir, 'failure.png');
  await page.screenshot({ path: failure }).catch(() => {});
  console.error(`kept for a look: ${failure}, ${server.log}, the workspace ${ws}`);
}

/** Closes the browser and the server; a run that passed leaves nothing behind. */
/**
 * Where a run puts its screenshots: out/screenshots/<name>, which git ignores, so that a test run
 * changes no tracked file. QCODE_UPDATE_SCREENSHOTS=1 puts them in test/e2e/screenshots/<name>,
 * the ones the README shows, to refresh those on purpose.
 */
function screenshotsDir(name = '') {
  const dir =
    process.env.QCODE_UPDATE_SCREENSHOTS === '1'
      ? path.join(__dirname, 'screenshots', name)
      : path.join(REPO, 'out/screenshots', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function closeRun({ browser, server, ws, ok }) {
  await browser.close();
  await server.stop({ keep: !ok });
  if (ok) fs.rmSync(path.dirname(ws), { recursive: true, force: true });
}

module.exports = {
  keepFailure,
  closeRun,
  screenshotsDir,
  REPO,
  CHROMIUM_ARGS,
  extensionPath,
  copySampleProject,
  commitAll,
  buildExtension,
  freePort,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  watchMemory,
  sleep,
};
