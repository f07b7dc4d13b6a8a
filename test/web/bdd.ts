// Sets up mocha's browser build before the specs are evaluated (index.ts imports this first), so that
// describe and it are globals of the worker.
import 'mocha/mocha';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
