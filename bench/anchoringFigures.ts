/**
 * Re-anchoring after seeded random edits of a generated project: ours (resolveAnchors, as loading
 * a project and qcode check run it) against the Hypothesis client's matchQuote, with its indexOf
 * shortcut and without it, interleaved and best of three, by the clock and in processor time; and
 * ours through the differences from the original texts, as qcode check does in a git work tree.
 * Run alone (`node --expose-gc --import tsx bench/anchoringFigures.ts [--size medium]`) it puts
 * its figures and targets into bench/results.json, keeping the rest.
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { ensureProject, SIZES, type SizeName } from './generate';
import {
  aloneByStatus,
  editAll,
  readProject,
  runBaseline,
  runOurs,
  runThroughDiff,
  score,
  wrongCases,
  type EditedTranscript,
} from './measureAnchoring';
import { fmt, recordResults, table, type Target } from './report';

/** Issue 15: at least this many times the Hypothesis matchQuote throughput, with no wrong anchor. */
export const TARGET_SPEED_UP = 3;

type Run = { ms: number; cpuMs: number };
const best = <T extends Run>(runs: readonly T[]): T => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

export function measureAnchoring(size: SizeName, edited: EditedTranscript[], log: (line: string) => void) {
  const loadAverage = { start: loadavg() };
  const annotations = edited.reduce((n, t) => n + t.annotations.length, 0);
  const edits = edited.reduce((n, t) => n + t.edits.length, 0);
  log(`anchoring (${size}): ${edits} edits over ${edited.length} transcripts, ${annotations} annotations`);
  // Interleaved, best of three each (every timed run after an untimed one of the same resolver): the
  // machine may be shared, and this keeps the comparison fair.
  const oursRuns: ReturnType<typeof runOurs>[] = [];
  const hypothesisRuns: ReturnType<typeof runBaseline>[] = [];
  for (let i = 0; i < 3; i++) {
    oursRuns.push(runOurs(edited));
    hypothesisRuns.push(runBaseline(edited, true));
  }
  const ours = best(oursRuns);
  const hypothesis = best(hypothesisRuns);
  log(`ours ${fmt(ours.ms)} ms; hypothesis with its indexOf shortcut ${fmt(hypothesis.ms)} ms`);
  const approx = runBaseline(edited, false, false);
  log(`hypothesis approximate search only ${fmt(approx.ms)} ms`);
  const throughDiffRuns = [0, 1, 2].map(() => runThroughDiff(edited));
  const throughDiff = best(throughDiffRuns);
  log(`ours through the differences from the original texts ${fmt(throughDiff.ms)} ms`);
  const perSecond = (ms: number) => annotations / (ms / 1000);
  const minCpu = (runs: readonly Run[]) => Math.min(...runs.map((r) => r.cpuMs));
  const figures = (run: Run, runs: readonly Run[], results: Parameters<typeof score>[1]) => ({
    ms: run.ms,
    msRuns: runs.map((r) => r.ms),
    cpuMs: minCpu(runs),
    perSecond: perSecond(run.ms),
    accuracy: score(edited, results),
  });
  return {
    size,
    transcripts: edited.length,
    annotations,
    edits,
    editsInsideQuotes: edited.reduce((n, t) => n + t.edits.filter((e) => e.inside).length, 0),
    touchedAnnotations: edited.reduce((n, t) => n + t.truth.filter((r) => r.touched).length, 0),
    ours: { ...figures(ours, oursRuns, ours.results), statuses: ours.statuses, aloneByStatus: aloneByStatus(edited) },
    hypothesis: figures(hypothesis, hypothesisRuns, hypothesis.results),
    /** What qcode check does in a git work tree: moving the annotations through the differences from the committed text. */
    throughDiff: { ...figures(throughDiff, throughDiffRuns, throughDiff.results), statuses: throughDiff.statuses },
    approxOnly: figures(approx, [approx], approx.results),
    speedUpVsApproxOnly: approx.ms / ours.ms,
    speedUpVsHypothesis: hypothesis.ms / ours.ms,
    /** The same in processor time (best of three each), less disturbed by other work on the machine. */
    cpuSpeedUpVsHypothesis: minCpu(hypothesisRuns) / minCpu(oursRuns),
    wrongCases: wrongCases(edited, ours, 20),
    loadAverage: { ...loadAverage, end: loadavg() },
  };
}

export type AnchoringResult = ReturnType<typeof measureAnchoring>;

export function anchoringTargets(a: AnchoringResult): Target[] {
  const wrong = a.ours.accuracy.wrong;
  return [
    {
      name: 're-anchoring speed-up vs approximate search',
      target: '>= 10',
      value: a.speedUpVsApproxOnly,
      unit: 'x',
      pass: a.speedUpVsApproxOnly >= 10,
    },
    {
      name: `re-anchoring: ours vs Hypothesis matchQuote (indexOf first), ${a.annotations} annotations, with ${wrong} wrong`,
      target: `>= ${TARGET_SPEED_UP}x, 0 wrong`,
      value: a.speedUpVsHypothesis,
      unit: 'x',
      pass: a.speedUpVsHypothesis >= TARGET_SPEED_UP && wrong === 0,
    },
    {
      name: 're-anchoring: wrong anchors of ours',
      target: '0',
      value: wrong,
      unit: '',
      pass: wrong === 0,
    },
    {
      name: 're-anchoring through the differences from the original texts: wrong anchors',
      target: '0',
      value: a.throughDiff.accuracy.wrong,
      unit: '',
      pass: a.throughDiff.accuracy.wrong === 0,
    },
  ];
}

/** The comparison as the bench's summary prints it. */
export function anchoringTable(a: AnchoringResult): string {
  type Figures = AnchoringResult['hypothesis'];
  const row = (name: string, run: Figures) => [
    name,
    fmt(run.ms),
    fmt(run.cpuMs),
    fmt(run.perSecond, 0),
    String(run.accuracy.recovered),
    String(run.accuracy.orphaned),
    String(run.accuracy.wrong),
    `${run.accuracy.touched.recovered}/${run.accuracy.touched.orphaned}/${run.accuracy.touched.wrong}`,
  ];
  return [
    `re-anchoring on ${a.size}: ${a.annotations} annotations, ${a.edits} edits, ${a.touchedAnnotations} annotations with text changed inside`,
    `each resolved alone, by status: ${Object.entries(a.ours.aloneByStatus)
      .map(([k, v]) => `${k} ${v.count} x ${fmt(v.usEach)} µs`)
      .join(', ')}`,
    table([
      ['resolver', 'ms', 'processor ms', 'annotations/s', 'recovered', 'orphaned', 'wrong', 'touched rec/orph/wrong'],
      row('ours (resolveAnchors)', a.ours),
      row('ours through the differences', a.throughDiff),
      row('Hypothesis matchQuote', a.hypothesis),
      row('approximate search only', a.approxOnly),
    ]),
  ].join('\n');
}

/** One line for the bench's log. */
export function anchoringLine(a: AnchoringResult): string {
  return `re-anchoring ${a.size}: ours ${fmt(a.ours.ms)} ms (processor ${fmt(a.ours.cpuMs)} ms), Hypothesis ${fmt(a.hypothesis.ms)} ms (processor ${fmt(a.hypothesis.cpuMs)} ms): ${fmt(a.speedUpVsHypothesis, 2)}x (processor ${fmt(a.cpuSpeedUpVsHypothesis, 2)}x), ${a.ours.accuracy.wrong} wrong; through the differences ${fmt(a.throughDiff.ms)} ms, ${a.throughDiff.accuracy.wrong} wrong; load average ${a.loadAverage.start.map((l) => fmt(l, 2)).join(', ')}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string) => argv[argv.indexOf(`--${name}`) + 1];
  const size = (argv.includes('--size') ? value('size') : 'medium') as SizeName;
  const seed = argv.includes('--seed') ? Number(value('seed')) : 20261123;
  const onDisk = await ensureProject(join(__dirname, 'tmp'), SIZES[size], seed);
  const edited = editAll(seed, await readProject(onDisk.root));
  const result = measureAnchoring(size, edited, console.log);
  const targets = anchoringTargets(result);
  await recordResults('anchoring', { seed, ...result }, 're-anchoring', targets);
  console.log(
    `${anchoringLine(result)}\n${targets.map((t) => `${t.name}: ${fmt(t.value, 2)} ${t.unit} ${t.pass ? 'PASS' : 'FAIL'} (${t.target})`).join('\n')}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
