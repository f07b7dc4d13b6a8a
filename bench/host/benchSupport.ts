// What the host benchmark's specs share: qcode's test API once the project has loaded, percentiles,
// waiting for qcode to paint an editor or for a file on disk, and adding figures to
// $QCODE_HOST_BENCH_OUT (one JSON object that each spec adds its key to).
import { existsSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { QcodeTestApi } from '../../src/extension/extension';
import { eventually } from '../../test/integration/helpers';

/** The wall-clock time in milliseconds, with the fraction performance.now() gives. */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** qcode's API, once the whole project has loaded. */
export async function loadedQcode(): Promise<QcodeTestApi> {
  const api = await vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode')?.activate();
  if (!api) throw new Error('no qcode API');
  await eventually('the project to load', () => (api.contextKeys()['qcode.projectLoaded'] ? true : undefined), 180000);
  return api;
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** The median, the 95th percentile (nearest rank) and the largest of some times, rounded to 0.1 ms. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { n: sorted.length, p50: round(rank(0.5)), p95: round(rank(0.95)), max: round(sorted.at(-1) ?? NaN) };
}

/** Adds figures to the file run.js reads ($QCODE_HOST_BENCH_OUT), keeping the keys other specs wrote. */
export function recordFigures(figures: Record<string, unknown>): void {
  console.log(JSON.stringify(figures));
  const out = process.env.QCODE_HOST_BENCH_OUT;
  if (!out) return;
  const all = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(out, JSON.stringify({ ...all, ...figures }, null, 2));
}

/**
 * Resolves with the time at which qcode next sets the editor's decorations such that `done` holds, checked right
 * after each paint; fails after `ms`.
 */
export function paintedWhen(
  api: QcodeTestApi,
  editor: vscode.TextEditor,
  done: () => boolean,
  ms = 60000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const listener = api.onDidPaint((painted) => {
      if (painted.document !== editor.document || !done()) return;
      const at = now();
      finish();
      resolve(at);
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`qcode did not paint ${editor.document.uri.path} as expected in ${ms} ms`));
    }, ms);
    const finish = () => {
      listener.dispose();
      clearTimeout(timer);
    };
  });
}

/**
 * Resolves with the time at which a file was written with content for which `done` holds: its modification time, so
 * that a busy extension host does not make the write look late. Watches the folder, as a write through a temporary
 * file replaces the file.
 */
export function writtenWhen(file: string, done: (text: string) => boolean, ms = 60000): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      try {
        if (!done(readFileSync(file, 'utf8'))) return;
      } catch {
        return; // briefly absent while it is replaced
      }
      finish();
      resolve(statSync(file).mtimeMs);
    };
    const watcher = watch(dirname(file), (_event, name) => name === basename(file) && check());
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${file} was not written in ${ms} ms`));
    }, ms);
    const finish = () => {
      watcher.close();
      clearTimeout(timer);
    };
  });
}

/** Opens a transcript and waits until qcode shows its annotations. */
export async function openTranscript(api: QcodeTestApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await eventually('the transcript to be decorated', () => (api.decoratedRanges(editor).length > 0 ? true : undefined));
  return editor;
}
