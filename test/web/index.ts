// Entry point of the web suite inside VS Code for the web's extension host, a web worker
// (extensionTestsPath). Bundled by test/web/build.js with the specs, mocha's browser build and yaml.
import './bdd';
import './webHost.spec';

export function run(): Promise<void> {
  console.log('qcode web tests: start');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}
