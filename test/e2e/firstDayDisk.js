// What the first-day run reads back from the workspace on disk: sidecars, transcripts, the export.
const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('./codeServer');

const { parse } = require(path.join(REPO, 'node_modules/yaml'));
const { unzipSync, strFromU8 } = require(path.join(REPO, 'node_modules/fflate'));

function disk(ws) {
  const transcripts = path.join(ws, 'transcripts');

  const missing = new Set();

  /**
   * A sidecar's text. VS Code's rename with overwrite deletes the target before it moves the new file
   * there, so a sidecar being rewritten can be missing for a moment: read it again, and say so.
   */
  function readSidecar(name) {
    for (let attempt = 0; ; attempt++) {
      try {
        return fs.readFileSync(path.join(transcripts, name), 'utf8');
      } catch (e) {
        if (e.code !== 'ENOENT' || attempt === 100) throw e;
        if (!missing.has(name)) console.warn(`warning: ${name} was missing for a moment while being rewritten`);
        missing.add(name);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    }
  }

  /** Every sidecar's annotations, by transcript name. */
  function annotations() {
    const all = new Map();
    for (const name of fs.readdirSync(transcripts).filter((n) => n.endsWith('.annotations.yaml'))) {
      all.set(name.replace(/\.annotations\.yaml$/, ''), parse(readSidecar(name)).annotations ?? []);
    }
    return all;
  }

  /** The annotations whose ids `before` does not have, each with its transcript's name. */
  function added(before) {
    const known = new Set([...before.values()].flat().map((a) => a.id));
    return [...annotations()].flatMap(([transcript, list]) =>
      list.filter((a) => !known.has(a.id)).map((a) => ({ ...a, transcript })),
    );
  }

  function find(id) {
    for (const [transcript, list] of annotations()) {
      const found = list.find((a) => a.id === id);
      if (found) return { ...found, transcript };
    }
    return undefined;
  }

  const text = (name) => fs.readFileSync(path.join(transcripts, name), 'utf8');

  /** The text of a Word file's body, paragraphs joined by line breaks. */
  function wordText(file) {
    const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']);
    return xml
      .split(/<\/w:p>/)
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('\n');
  }

  return { annotations, added, find, text, wordText };
}

module.exports = { disk };
