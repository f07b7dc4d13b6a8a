import { isScalar, type Node } from 'yaml';
import { message } from '../messages';
import type { YamlFile } from '../yaml/yamlFile';
import { compileKey, spelling, type KeyEntry } from './matcher';

/** The pseudonymisation key: real names and other identifying words, each with its replacement. */
export interface PseudonymKey {
  path: string;
  entries: KeyEntry[];
}

interface Candidate {
  entry: KeyEntry;
  at: Node;
}

/**
 * Reads a key file: a mapping `real name: replacement`. Entries that cannot be used (no letters,
 * an empty replacement, a second spelling of an entry with another replacement, a replacement that
 * the key would replace again) are reported in the file's problems and left out.
 */
export function readKey(file: YamlFile): PseudonymKey {
  const root = file.document?.contents;
  if (!file.ok || root === null || root === undefined) return { path: file.path, entries: [] };
  const map = file.asMap(root, message('The pseudonym key'));
  const candidates: Candidate[] = [];
  const seen = new Map<string, KeyEntry>();
  for (const { key, keyNode, value } of map ? file.entries(map, message('the pseudonym key')) : []) {
    // "Kari:" with nothing after it has no replacement, as "Kari: ''" has none.
    const replacement =
      isScalar(value) && value.value === null
        ? ''
        : file.asString(value, message('The replacement of "{name}"', { name: key }), keyNode);
    const entry = replacement === undefined ? undefined : checkedEntry(file, key, replacement, keyNode);
    if (!entry) continue;
    const earlier = seen.get(spelling(entry.name));
    if (earlier) {
      reportDuplicate(file, keyNode, key, earlier, entry);
      continue;
    }
    candidates.push({ entry, at: keyNode });
    seen.set(spelling(entry.name), entry);
  }
  return { path: file.path, entries: withoutLoops(file, candidates) };
}

/** A second spelling of an entry: with another replacement it cannot be done; with the same, it does nothing. */
function reportDuplicate(file: YamlFile, at: Node, name: string, earlier: KeyEntry, entry: KeyEntry): void {
  if (earlier.replacement !== entry.replacement) {
    file.reportAt(
      at,
      'error',
      'duplicate-pseudonym',
      message(
        '"{name}" is already in the key as "{earlier}" with the replacement "{replacement}"; matching ignores case, so one replacement must do for both. Delete one of them.',
        { name, earlier: earlier.name, replacement: earlier.replacement },
      ),
    );
  } else {
    file.reportAt(
      at,
      'warning',
      'duplicate-pseudonym',
      message(
        '"{name}" is already in the key as "{earlier}"; matching ignores case, so this line does nothing. Delete it.',
        { name, earlier: earlier.name },
      ),
    );
  }
}

function checkedEntry(file: YamlFile, name: string, replacement: string, keyNode: Node): KeyEntry | undefined {
  if (!/[\p{L}\p{N}]/u.test(name)) {
    file.reportAt(
      keyNode,
      'error',
      'bad-pseudonym',
      message('"{name}" has no letters or digits to look for. Delete the entry or write the name.', { name }),
    );
    return undefined;
  }
  if (replacement.trim() === '') {
    file.reportAt(
      keyNode,
      'error',
      'bad-pseudonym',
      message('"{name}" has no replacement. Write one, such as "[K4]".', { name }),
    );
    return undefined;
  }
  return { name: name.trim(), replacement };
}

/** An entry whose replacement holds an entry would never settle: a second run would replace again. */
function withoutLoops(file: YamlFile, candidates: Candidate[]): KeyEntry[] {
  const matcher = compileKey(candidates.map((c) => c.entry));
  return candidates
    .filter(({ entry, at }) => {
      const found = matcher.find(entry.replacement)[0];
      if (!found) return true;
      file.reportAt(
        at,
        'error',
        'pseudonym-loop',
        message(
          'The replacement "{replacement}" of "{name}" contains "{found}", which the key replaces too, so pseudonymizing would never be done. Choose a replacement without words from the key, such as "[K4]".',
          { replacement: entry.replacement, name: entry.name, found: found.text },
        ),
      );
      return false;
    })
    .map((c) => c.entry);
}
