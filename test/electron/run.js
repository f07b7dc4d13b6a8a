// For contributors with internet access: runs the integration specs in desktop VS Code, which
// @vscode/test-electron downloads. CI and offline machines use test/e2e/runIntegration.js instead.
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.join(__dirname, '..', '..');

runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out', 'integration', 'index.js'),
  launchArgs: [path.join(root, 'sample-project'), '--disable-extensions'],
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
