// Bundles the web suite (test/web/index.ts and the specs it imports) into out/web/index.js for VS
// Code for the web's extension host: platform browser, so a Node built-in anywhere fails the build.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '../..');

// mocha's package says "type": "module", so esbuild would take its browser build, a UMD script, for
// an ES module whose `module.exports = ...` replaces the exports of the whole bundle. Loaded from a
// namespace of its own it is CommonJS and gets a module object of its own.
const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha$/ }, ({ resolveDir }) => ({
      path: require.resolve('mocha/mocha.js', { paths: [resolveDir] }),
      namespace: 'umd',
    }));
    build.onLoad({ filter: /.*/, namespace: 'umd' }, ({ path: file }) => ({
      contents: fs.readFileSync(file, 'utf8'),
      loader: 'js',
    }));
  },
};

esbuild
  .build({
    entryPoints: [path.join(__dirname, 'index.ts')],
    outfile: path.join(repo, 'out/web/index.js'),
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    plugins: [mochaBrowserBuild],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
