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
import { editAll, oursByStatus, readProject, runBaseline, runOurs, score, wrongCases } from './measureAnchoring';
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
  const annotationCount = edited.reduce((n, t) => n + t.annotations.length, 0);
  log(
    `anchoring (${opts.anchor}): ${edited.reduce((n, t) => n + t.edits.length, 0)} edits over ${edited.length} transcripts, ${annotationCount} annotations`,
  );
  // Interleaved, best of three each: the machine may be shared, and this keeps the comparison fair.
  const oursRuns: ReturnType<typeof runOurs>[] = [];
  const hypothesisRuns: ReturnType<typeof runBaseline>[] = [];
  for (let i = 0; i < 3; i++) {
    oursRuns.push(runOurs(edited));
    hypothesisRuns.push(runBaseline(edited, true));
  }
  const ours = oursRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
  const hypothesis = hypothesisRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
  log(`ours ${fmt(ours.ms)} ms; hypothesis with its indexOf shortcut ${fmt(hypothesis.ms)} ms`);
  const approx = runBaseline(edited, false);
  log(`hypothesis approximate search only ${fmt(approx.ms)} ms`);
  const perSecond = (ms: number) => annotationCount / (ms / 1000);
  const anchoring = {
    size: opts.anchor,
    transcripts: edited.length,
    annotations: annotationCount,
    edits: edited.reduce((n, t) => n + t.edits.length, 0),
    editsInsideQuotes: edited.reduce((n, t) => n + t.edits.filter((e) => e.inside).length, 0),
    touchedAnnotations: edited.reduce((n, t) => n + t.truth.filter((r) => r.touched).length, 0),
    ours: {
      ms: ours.ms,
      msRuns: oursRuns.map((r) => r.ms),
      perSecond: perSecond(ours.ms),
      statuses: ours.statuses,
      byStatus: oursByStatus(edited),
      accuracy: score(edited, ours.results),
    },
    hypothesis: {
      ms: hypothesis.ms,
      msRuns: hypothesisRuns.map((r) => r.ms),
      perSecond: perSecond(hypothesis.ms),
      accuracy: score(edited, hypothesis.results),
    },
    approxOnly: { ms: approx.ms, perSecond: perSecond(approx.ms), accuracy: score(edited, approx.results) },
    speedUpVsApproxOnly: approx.ms / ours.ms,
    speedUpVsHypothesis: hypothesis.ms / ours.ms,
    wrongCases: wrongCases(edited, ours, 20),
  };
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
    {
      name: 're-anchoring speed-up vs approximate search',
      target: '>= 10',
      value: anchoring.speedUpVsApproxOnly,
      unit: 'x',
      pass: anchoring.speedUpVsApproxOnly >= 10,
    },
    {
      name: 're-anchoring speed-up vs Hypothesis (indexOf first)',
      target: '>= 10',
      value: anchoring.speedUpVsHypothesis,
      unit: 'x',
      pass: anchoring.speedUpVsHypothesis >= 10,
    },
    {
      name: 're-anchoring: wrong anchors of ours',
      target: '0',
      value: anchoring.ours.accuracy.wrong,
      unit: '',
      pass: anchoring.ours.accuracy.wrong === 0,
    },
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
  anchoring: {
    size: string;
    annotations: number;
    edits: number;
    touchedAnnotations: number;
    ours: Run & { byStatus: Record<string, { count: number; usEach: number }> };
    hypothesis: Run;
    approxOnly: Run;
  };
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
  const a = r.anchoring;
  const anchorRow = (name: string, run: Run) => [
    name,
    fmt(run.ms),
    fmt(run.perSecond, 0),
    String(run.accuracy.recovered),
    String(run.accuracy.orphaned),
    String(run.accuracy.wrong),
    `${run.accuracy.touched.recovered}/${run.accuracy.touched.orphaned}/${run.accuracy.touched.wrong}`,
  ];
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
    `re-anchoring on ${a.size}: ${a.annotations} annotations, ${a.edits} edits, ${a.touchedAnnotations} annotations with text changed inside`,
    `ours by status: ${Object.entries(a.ours.byStatus)
      .map(([k, v]) => `${k} ${v.count} x ${fmt(v.usEach)} µs`)
      .join(', ')}`,
    table([
      ['resolver', 'ms', 'annotations/s', 'recovered', 'orphaned', 'wrong', 'touched rec/orph/wrong'],
      anchorRow('ours (resolveAnchor)', a.ours),
      anchorRow('Hypothesis matchQuote', a.hypothesis),
      anchorRow('approximate search only', a.approxOnly),
    ]),
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

type Run = { ms: number; perSecond: number; accuracy: ReturnType<typeof score> };

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
