// Entry point of the integration tests inside VS Code's extension host (extensionTestsPath):
// runs mocha over the compiled *.spec.js next to this file. Built by test/integration/build.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
  if (process.env.QCODE_INTEGRATION_GREP) mocha.grep(process.env.QCODE_INTEGRATION_GREP);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  console.log('qcode integration tests: start');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
