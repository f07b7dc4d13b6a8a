/**
 * `npm run bench`: generates seeded synthetic projects (small, medium, large; cached under
 * bench/tmp/ by seed and size) and measures project loading against a read-and-parse floor,
 * re-anchoring after random edits against the Hypothesis approach, moving 10,000 ranges through
 * one keystroke, exporting every quote of the largest project to Markdown, exporting a quarter,
 * half and all of the largest project to REFI-QDA (.qdpx) and importing that into an empty folder, and
 * pseudonymizing a copy of the medium project with a 500-entry key, and coding queries of two
 * operators on the medium project. Writes bench/results.json and prints a table.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { measureTranscriptImport } from './transcriptImport';
import { join } from 'node:path';
import { NodeProjectFiles } from '../src/node/nodeFiles';
import { loadProject } from '../src/core/project/loadProject';
import { ensureProject, SIZES, type ProjectOnDisk, type SizeName } from './generate';
import {
  anchoringLine,
  anchoringTable,
  anchoringTargets,
  measureAnchoring,
  type AnchoringResult,
} from './anchoringFigures';
import { editAll, readProject } from './measureAnchoring';
import { measureExport, type ExportResult } from './measureExport';
import { measureKeystroke } from './measureKeystroke';
import { measureRefi, refiTable, refiTargets } from './measureRefi';
import { floorLoad, measureLoad, type LoadResult } from './measureLoad';
import { measurePseudonymize, pseudonymizeLine, pseudonymizeTargets } from './measurePseudonymize';
import { measureChapters } from './measureChapters';
import { checkLine, checkTargets, measureCheck } from './measureCheck';
import { measureQueries, queryLine, queryTargets } from './measureQuery';
import { collectGarbage, memory } from './memory';
import { fmt, machine, table, targetTable, type Target } from './report';

/** `npm run bench -- --seed 7 --sizes small,medium --anchor medium --reps 3` */
function options(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('sizes') ?? 'small,medium,large').split(',') as SizeName[];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`Unknown size "${s}" (${Object.keys(SIZES).join(', ')}).`);
  const anchor = (value('anchor') ?? 'medium') as SizeName;
  return {
    seed: Number(value('seed') ?? 20261123),
    sizes,
    anchor,
    reps: Number(value('reps') ?? 3),
    largeReps: Number(value('large-reps') ?? 1),
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const machineAtStart = machine();
  const started = performance.now();
  memory.start();
  const tmp = join(__dirname, 'tmp');
  const log = (text: string) => console.log(`[${fmt((performance.now() - started) / 1000, 1)} s] ${text}`);
  if (!globalThis.gc)
    log('note: run with --expose-gc (npm run bench does) so that garbage is collected between measurements');

  const projects: Partial<Record<SizeName, ProjectOnDisk>> = {};
  for (const size of new Set([...opts.sizes, opts.anchor])) {
    projects[size] = await ensureProject(tmp, SIZES[size], opts.seed);
    const p = projects[size];
    log(
      `${size}: ${p.transcripts} transcripts, ${p.annotations} annotations, ${fmt(p.bytes / 2 ** 20)} MB ${p.generated ? `generated in ${fmt(p.generateMs / 1000)} s` : '(cached)'}`,
    );
  }

  // Warm-up (not measured): the first load of any size would otherwise pay for compiling the code.
  const warmRoot = (projects.small ?? (await ensureProject(tmp, SIZES.small, opts.seed))).root;
  for (let i = 0; i < 2; i++) {
    await loadProject(new NodeProjectFiles(warmRoot));
    await floorLoad(warmRoot);
  }

  const load: Partial<Record<SizeName, LoadResult>> = {};
  let exported: ExportResult | undefined;
  const exportSize: SizeName = opts.sizes.includes('large') ? 'large' : (opts.sizes[opts.sizes.length - 1] as SizeName);
  for (const size of opts.sizes) {
    const root = (projects[size] as ProjectOnDisk).root;
    const { result, project } = await measureLoad(
      root,
      size === 'large' ? opts.largeReps : opts.reps,
      size === exportSize,
    );
    load[size] = result;
    log(
      `load ${size}: loader ${fmt(result.loaderBestMs)} ms, floor ${fmt(result.floorBestMs)} ms (best of ${result.loaderMs.length}), ratio ${fmt(result.ratio, 2)}`,
    );
    if (project && size === exportSize) {
      exported = measureExport(project);
      log(`export ${size}: ${exported.quotes} quotes in ${fmt(exported.totalMs)} ms`);
    }
    collectGarbage();
  }

  // REFI-QDA export and import of a quarter, half and all of the largest project, two runs each.
  const largest = projects[exportSize] as ProjectOnDisk;
  const refi = await measureRefi(
    largest.root,
    2,
    [4, 2, 1].map((d) => Math.round(largest.transcripts / d)),
    log,
  );

  // qcode check of the largest project as a user runs it (the built command line), against the floor.
  const check = await measureCheck(largest.root, largest.transcripts, largest.annotations, opts.largeReps);
  log(checkLine(check));
  collectGarbage();

  const edited = editAll(opts.seed, await readProject((projects[opts.anchor] as ProjectOnDisk).root));
  const anchoring = measureAnchoring(opts.anchor, edited, log);
  log(anchoringLine(anchoring));
  edited.length = 0;
  collectGarbage();

  const keystroke = measureKeystroke(opts.seed);
  log(`keystroke: p99 per round ${keystroke.rounds.map((r) => fmt(r.p99Ms, 3)).join(', ')} ms`);
  memory.stop();

  const transcriptImport = measureTranscriptImport();
  log(`transcript import: 3-hour WebVTT (${transcriptImport.cues} cues) in ${fmt(transcriptImport.ms)} ms`);
  const pseudonymized = await measurePseudonymize((projects[opts.anchor] as ProjectOnDisk).root);
  log(pseudonymizeLine(opts.anchor, pseudonymized));
  const chapters = await measureChapters((projects[opts.anchor] as ProjectOnDisk).root, opts.seed);
  log(
    `chapters: ${chapters.pages} pages with ${chapters.references} references against ${chapters.annotations} annotations rendered in ${fmt(chapters.renderMs)} ms; completion ${fmt(chapters.completionMs)} ms (after ${fmt(chapters.completionPrepareMs)} ms at load)`,
  );
  const queried = measureQueries(
    await loadProject(new NodeProjectFiles((projects[opts.anchor] as ProjectOnDisk).root)),
  );
  log(queryLine(queried));
  const targets: Target[] = [
    ...queryTargets(queried),
    ...refiTargets(refi),
    {
      name: `render a ${chapters.pages}-page chapter with ${chapters.references} references, ${chapters.annotations} annotations`,
      target: '< 300 ms',
      value: chapters.renderMs,
      unit: 'ms',
      pass: chapters.renderMs < 300,
    },
    {
      name: `chapter completion after {{q: among ${chapters.annotations} passages`,
      target: '< 50 ms',
      value: chapters.completionMs,
      unit: 'ms',
      pass: chapters.completionMs < 50,
    },
    ...pseudonymizeTargets(pseudonymized),
    {
      name: 'import a 3-hour WebVTT (3,000 cues)',
      target: '< 1000 ms',
      value: transcriptImport.ms,
      unit: 'ms',
      pass: transcriptImport.ms < 1000,
    },
    ...opts.sizes.map((s) => ({
      name: `load ${s}: loader / floor`,
      target: '<= 1.5',
      value: (load[s] as LoadResult).ratio,
      unit: 'x',
      pass: (load[s] as LoadResult).ratio <= 1.5,
    })),
    ...checkTargets(check),
    ...anchoringTargets(anchoring),
    {
      name: 'keystroke through 10,000 ranges: p99',
      target: '< 1 ms',
      value: keystroke.p99Ms,
      unit: 'ms',
      pass: keystroke.p99Ms < 1,
    },
  ];
  const durationMs = performance.now() - started;
  const results = {
    machine: { ...machineAtStart, loadAverageAtEnd: machine().loadAverage },
    node: process.version,
    date: new Date().toISOString(),
    seed: opts.seed,
    durationMs,
    projects,
    load,
    check,
    anchoring,
    keystroke,
    export: exported ? { size: exportSize, ...exported } : undefined,
    refi,
    transcriptImport,
    pseudonymize: pseudonymized,
    chapters,
    query: queried,
    memory: { peakRssMB: memory.rss / 2 ** 20, peakHeapUsedMB: memory.heapUsed / 2 ** 20 },
    targets,
    host: await hostFigures(),
  };
  await writeFile(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(
    `\n${summary(results)}\n\n${refiTable(refi)}\n\n${targetTable(targets)}\n\nWhole bench: ${fmt(durationMs / 1000)} s. Results in bench/results.json.`,
  );
}

function summary(r: {
  load: Partial<Record<SizeName, LoadResult>>;
  anchoring: AnchoringResult;
  keystroke: { medianMs: number; p99Ms: number; maxMs: number };
  export: (ExportResult & { size: string }) | undefined;
  memory: { peakRssMB: number; peakHeapUsedMB: number };
}): string {
  const loadRows = Object.entries(r.load).map(([size, l]) => [
    size,
    String(l.annotations),
    `${fmt(l.loaderBestMs)} / ${fmt(l.loaderMedianMs)}`,
    `${fmt(l.floorBestMs)} / ${fmt(l.floorMedianMs)}`,
    `${fmt(l.ratio, 2)} / ${fmt(l.ratioOfMedians, 2)}`,
    fmt(l.retainedHeapMB, 0),
    Object.entries(l.statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  ]);
  const e = r.export;
  return [
    table([
      [
        'load',
        'annotations',
        'loader ms best / median',
        'floor ms best / median',
        'ratio best / median',
        'project heap MB',
        'statuses',
      ],
      ...loadRows,
    ]),
    '',
    anchoringTable(r.anchoring),
    '',
    table([
      ['other', 'value'],
      [
        'keystroke through 10,000 ranges (best of 3 rounds): median / p99 / max',
        `${fmt(r.keystroke.medianMs, 4)} / ${fmt(r.keystroke.p99Ms, 4)} / ${fmt(r.keystroke.maxMs, 4)} ms`,
      ],
      ...(e
        ? [
            [
              `export ${e.size}: ${e.annotations} annotations, ${e.quotes} quotes to Markdown`,
              `${fmt(e.totalMs)} ms (index ${fmt(e.indexMs)}, collect ${fmt(e.collectMs)}, markdown ${fmt(e.markdownMs)}); ${fmt(e.markdownBytes / 2 ** 20)} MB`,
            ],
          ]
        : []),
      ['peak memory: rss / heapUsed', `${fmt(r.memory.peakRssMB, 0)} / ${fmt(r.memory.peakHeapUsedMB, 0)} MB`],
    ]),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/** The figures `npm run bench:host` wrote earlier, kept, since this bench does not measure them. */
async function hostFigures(): Promise<unknown> {
  const earlier = await readFile(join(__dirname, 'results.json'), 'utf8').then(
    (text) => JSON.parse(text) as { host?: unknown },
    () => undefined,
  );
  return earlier?.host;
}
