// Bundles the command line (and, when present, the extension) with esbuild.
// Type checking is separate: `npm run typecheck`.
const esbuild = require('esbuild');
const fs = require('node:fs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--only dist/cli.js` builds that bundle alone (npm pack's prepack: the tarball holds only the CLI).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const targets = [
  { entry: 'src/cli/main.ts', outfile: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { entry: 'src/extension/node/main.ts', outfile: 'dist/extension.js', external: ['vscode'] },
  { entry: 'src/extension/extension.ts', outfile: 'dist/web/extension.js', external: ['vscode'], platform: 'browser' },
].filter((t) => fs.existsSync(t.entry) && (only === undefined || t.outfile === only));
if (targets.length === 0) throw new Error(`esbuild.js: nothing to build${only ? ` named ${only}` : ''}`);

async function main() {
  const contexts = await Promise.all(
    targets.map((t) =>
      esbuild.context({
        entryPoints: [t.entry],
        outfile: t.outfile,
        bundle: true,
        format: 'cjs',
        platform: t.platform ?? 'node',
        target: t.platform === 'browser' ? 'es2022' : 'node20',
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        external: t.external ?? [],
        banner: t.banner ? { js: t.banner } : undefined,
        logLevel: 'warning',
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const t of targets) if (t.banner) fs.chmodSync(t.outfile, 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
