import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { captureAnchor } from '../src/core/anchoring/capture';
import type { Annotation } from '../src/core/sidecar/annotation';
import { compareAnnotations } from '../src/core/sidecar/annotation';
import { renderSidecar } from '../src/core/sidecar/render';
import { TranscriptText } from '../src/core/text/transcriptText';
import { deriveSeed, IdMaker, Rng } from './prng';
import { answerSentences, CODERS, MEMOS, PLACES, question, ROLES } from './vocabulary';

/** Bump when the generated data changes shape, so cached projects are regenerated. */
const GENERATOR_VERSION = 3;

export type SizeName = 'small' | 'medium' | 'study' | 'large';
export interface SizeSpec {
  name: SizeName;
  transcripts: number;
  annotationsPerTranscript: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  small: { name: 'small', transcripts: 20, annotationsPerTranscript: 100 },
  medium: { name: 'medium', transcripts: 200, annotationsPerTranscript: 100 },
  // A study of several years, the largest project the host benchmark opens.
  study: { name: 'study', transcripts: 500, annotationsPerTranscript: 100 },
  large: { name: 'large', transcripts: 2000, annotationsPerTranscript: 100 },
};

const CONCEPT_TREE: [string, string, string[]][] = [
  ['samordning', 'Samordning', ['formell', 'uformell', 'horisontal', 'vertikal']],
  ['tjenestemodell', 'Tjenestemodell', ['integrert', 'parallell', 'sekvensiell']],
  ['koordinator', 'Koordinatorroller', ['doraapner', 'tilrettelegger', 'fallskjerm']],
  ['bakkebyraakrat', 'Bakkebyråkrati', ['skjonn', 'ansvarsoversvommelse', 'mestring']],
  ['zacka', 'Moralske disposisjoner', ['indifferens', 'omsorg', 'haandhever']],
  ['bolig', 'Bolig', ['akutt', 'varig']],
  ['overganger', 'Overganger', ['utskriving', 'innleggelse', 'ventetid']],
  ['relasjon', 'Relasjoner', ['tillit', 'kontinuitet', 'personavhengighet']],
];
const GRANDCHILDREN: Record<string, string[]> = {
  'samordning.formell': ['ansvarsgruppe', 'individuell-plan'],
  'koordinator.fallskjerm': ['kveld', 'helg'],
};

export function conceptIds(): string[] {
  const ids: string[] = [];
  for (const [root, , children] of CONCEPT_TREE) {
    ids.push(root);
    for (const child of children) {
      const id = `${root}.${child}`;
      ids.push(id, ...(GRANDCHILDREN[id] ?? []).map((g) => `${id}.${g}`));
    }
  }
  return ids;
}

function codebookYaml(): string {
  const concept = (id: string, label: string, children: object[]) => ({
    id,
    label,
    description: `Passasjer om ${label.toLowerCase()} (syntetisk).`,
    ...(children.length ? { children } : {}),
  });
  const concepts = CONCEPT_TREE.map(([root, label, children]) =>
    concept(
      root,
      label,
      children.map((c) => {
        const id = `${root}.${c}`;
        return concept(
          id,
          `${label}: ${c}`,
          (GRANDCHILDREN[id] ?? []).map((g) => concept(`${id}.${g}`, `${c}: ${g}`, [])),
        );
      }),
    ),
  );
  return `# Codebook of a synthetic benchmark project.\n${stringify({ concepts }, { lineWidth: 0 })}`;
}

export function informantCodes(): string[] {
  const codes: string[] = [];
  for (let i = 1; i <= 80; i++) codes.push(`K${i}`);
  for (let i = 1; i <= 60; i++) codes.push(`M${i}`, `L${i}`);
  return codes;
}

function informantsYaml(rng: Rng): string {
  const informants = informantCodes().map((code) => ({
    code,
    role: code.startsWith('L') ? rng.pick(['leder', 'ansatt']) : 'tjenestemottaker',
    gender: rng.pick(['kvinne', 'mann']),
    age_group: rng.pick(['20-29', '30-39', '40-49', '50-59']),
  }));
  return `# Informants of a synthetic benchmark project.\n${stringify({ informants }, { lineWidth: 0 })}`;
}

interface Sentence {
  start: number;
  end: number;
  /** Where the paragraph (with its speaker label) starts, when this sentence is the first of it. */
  labelStart?: number;
}

/** A transcript that reads like an interview: header lines, then I: / K3: paragraphs. */
export function buildTranscript(
  rng: Rng,
  code: string,
  wantedCandidates: number,
): { text: string; sentences: Sentence[][] } {
  let text = `Intervju med ${code}, ${rng.pick(ROLES)}\nSted: ${rng.pick(PLACES)}\nDato: ${rng.int(10, 28)}.0${rng.int(1, 9)}.20${rng.int(18, 23)}\nIntervjuer: I\n`;
  const paragraphs: Sentence[][] = [];
  let candidates = 0;
  let minutes = 0;
  while (candidates < wantedCandidates || paragraphs.length < 30) {
    minutes += rng.int(1, 4);
    const stamp = rng.chance(0.15)
      ? `[00:${String(minutes % 60).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}]\n`
      : '';
    text += `\n${stamp}I: ${question(rng)}\n\n`;
    const labelStart = text.length;
    text += `${code}: `;
    const sentences: Sentence[] = [];
    answerSentences(rng, 2, 7).forEach((s, i) => {
      if (i > 0) text += ' ';
      sentences.push({ start: text.length, end: text.length + s.length, ...(i === 0 ? { labelStart } : {}) });
      text += s;
      if (s.length >= 40 && s.length <= 200) candidates++;
    });
    text += '\n';
    paragraphs.push(sentences);
  }
  return { text, sentences: paragraphs };
}

/**
 * ~n annotations with distinct quotes: single sentences, a few sentence pairs (overlapping singles), a few with the
 * speaker label.
 */
export function chooseSpans(rng: Rng, text: string, paragraphs: Sentence[][], n: number): [number, number][] {
  const singles: [number, number][] = [];
  const pairs: [number, number][] = [];
  for (const sentences of paragraphs) {
    sentences.forEach((s, i) => {
      const start = s.labelStart !== undefined && rng.chance(0.05) ? s.labelStart : s.start;
      if (s.end - start >= 40 && s.end - start <= 200) singles.push([start, s.end]);
      const next = sentences[i + 1];
      if (next && next.end - s.start <= 200) pairs.push([s.start, next.end]);
    });
  }
  rng.shuffle(singles);
  rng.shuffle(pairs);
  const quotes = new Set<string>();
  const chosen: [number, number][] = [];
  const take = (list: [number, number][], count: number) => {
    for (const span of list) {
      if (chosen.length >= count) return;
      const quote = text.slice(span[0], span[1]);
      if (quotes.has(quote)) continue;
      quotes.add(quote);
      chosen.push(span);
    }
  };
  take(pairs, Math.round(n * 0.15));
  take(singles, n);
  take(pairs, n);
  return chosen.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function annotationAt(
  rng: Rng,
  ids: IdMaker,
  doc: TranscriptText,
  span: [number, number],
  code: string,
  concepts: string[],
): Annotation {
  const anchor = captureAnchor(doc, span[0], span[1]);
  const tags = new Set<string>();
  const count = rng.weighted([1, 2, 3], [0.6, 0.3, 0.1]);
  while (tags.size < count) tags.add(rng.pick(concepts));
  const annotation: Annotation = {
    id: ids.next(),
    concepts: [...tags],
    ...(rng.chance(0.5) ? { informant: code } : {}),
    ...anchor,
  };
  if (rng.chance(0.2)) annotation.memo = rng.pick(MEMOS);
  annotation.coder = rng.pick(CODERS);
  const pad = (v: number) => String(v).padStart(2, '0');
  annotation.created = `2026-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}T${pad(rng.int(8, 17))}:${pad(rng.int(0, 59))}:00Z`;
  return annotation;
}

export interface GeneratedTranscript {
  name: string;
  text: string;
  sidecar: string;
}

export function generateTranscript(
  seed: number,
  index: number,
  perTranscript: number,
  ids: IdMaker,
): GeneratedTranscript {
  const rng = new Rng(deriveSeed(seed, 'transcript', index));
  const codes = informantCodes();
  const code = codes[index % codes.length] as string;
  const name = `intervju-${String(index + 1).padStart(4, '0')}-${code}.txt`;
  const { text, sentences } = buildTranscript(rng, code, Math.ceil(perTranscript * 1.6));
  const doc = new TranscriptText(text);
  const concepts = conceptIds();
  const annotations = chooseSpans(rng, text, sentences, perTranscript).map((span) =>
    annotationAt(rng, ids, doc, span, code, concepts),
  );
  annotations.sort(compareAnnotations);
  return { name, text, sidecar: renderSidecar(name, annotations) };
}

export interface ProjectOnDisk {
  root: string;
  size: SizeSpec;
  seed: number;
  /** Whether this run generated it (false: reused from the cache). */
  generated: boolean;
  generateMs: number;
  transcripts: number;
  annotations: number;
  bytes: number;
}

/** Writes the project under bench/tmp/<size>/, unless the same seed and size are already there. */
export async function ensureProject(tmp: string, size: SizeSpec, seed: number): Promise<ProjectOnDisk> {
  const root = join(tmp, size.name);
  const metaPath = join(root, '.bench-meta.json');
  const key = {
    generator: GENERATOR_VERSION,
    seed,
    size: size.name,
    transcripts: size.transcripts,
    perTranscript: size.annotationsPerTranscript,
  };
  const cached = await readFile(metaPath, 'utf8').then(
    (t) => JSON.parse(t) as Record<string, unknown> & { annotations: number; bytes: number },
    () => undefined,
  );
  if (cached && Object.entries(key).every(([k, v]) => cached[k] === v)) {
    return {
      root,
      size,
      seed,
      generated: false,
      generateMs: 0,
      transcripts: size.transcripts,
      annotations: cached.annotations,
      bytes: cached.bytes,
    };
  }
  const started = performance.now();
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'transcripts'), { recursive: true });
  await writeFile(join(root, 'codebook.yaml'), codebookYaml());
  await writeFile(join(root, 'informants.yaml'), informantsYaml(new Rng(deriveSeed(seed, 'informants'))));
  const ids = new IdMaker(new Rng(deriveSeed(seed, 'ids', size.name)));
  let annotations = 0;
  let bytes = 0;
  for (let i = 0; i < size.transcripts; i += 50) {
    const batch: Promise<void>[] = [];
    for (let k = i; k < Math.min(i + 50, size.transcripts); k++) {
      const t = generateTranscript(seed, k, size.annotationsPerTranscript, ids);
      annotations += (t.sidecar.match(/^ {2}- id: /gm) ?? []).length;
      bytes += Buffer.byteLength(t.text) + Buffer.byteLength(t.sidecar);
      batch.push(
        writeFile(join(root, 'transcripts', t.name), t.text),
        writeFile(join(root, 'transcripts', `${t.name}.annotations.yaml`), t.sidecar),
      );
    }
    await Promise.all(batch);
  }
  await writeFile(metaPath, JSON.stringify({ ...key, annotations, bytes }));
  return {
    root,
    size,
    seed,
    generated: true,
    generateMs: performance.now() - started,
    transcripts: size.transcripts,
    annotations,
    bytes,
  };
}
