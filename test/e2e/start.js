// npm start: builds the extension and opens sample-project in code-server (VS Code 1.100.3) on
// 127.0.0.1 with this repository installed as an extension (a link in a temporary extensions folder),
// then stays in the foreground until Ctrl+C. PORT chooses the port. After `npm run build`, reload the
// browser window to load the new build.
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./codeServer');

async function main() {
  cs.buildExtension();
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(cs.REPO, 'package.json'), 'utf8'));
  const extensionsDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'qcode-ext-'));
  fs.symlinkSync(cs.extensionPath(), path.join(extensionsDir, `${publisher}.${name}-${version}`));
  const workspace = path.join(cs.REPO, 'sample-project');
  const server = await cs.startCodeServer({
    workspace,
    extensionsDir,
    port: Number(process.env.PORT) || undefined,
    stdio: 'inherit',
  });
  console.log(`\nqcode in VS Code: ${server.url}/?folder=${encodeURIComponent(workspace)}\n(Ctrl+C stops it)`);
  const stop = async () => {
    await server.stop();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
