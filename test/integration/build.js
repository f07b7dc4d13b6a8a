// Builds the integration tests for the extension host: test/integration/*.spec.ts and index.ts to
// out/integration/*.js (CommonJS, 'vscode' and mocha left to the host and the root node_modules),
// after building the extension itself with the repository's esbuild.js.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repo = path.resolve(__dirname, '../..');
const outdir = path.join(repo, 'out/integration');

if (spawnSync(process.execPath, ['esbuild.js'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
fs.rmSync(outdir, { recursive: true, force: true });
const entryPoints = fs
  .readdirSync(__dirname)
  .filter((f) => f === 'index.ts' || f.endsWith('.spec.ts'))
  .map((f) => path.join(__dirname, f));
esbuild
  .build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
