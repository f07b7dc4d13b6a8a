#!/usr/bin/env node
// Checks that every runtime string of the extension has a Norwegian Bokmål translation.
//
//   node scripts/l10n-check.js           report; exit 1 if a string is missing or broken
//   node scripts/l10n-check.js --json    the same report as JSON on stdout
//
// It finds every t(...) / vscode.l10n.t(...) call in src/extension/**/*.ts, and every
// message('...', ...) call in src/core/**/*.ts (the templates of the core's translatable messages,
// see src/core/messages.ts), takes its message (a '...', "..." or `...` literal without ${}; or
// the `message` of the options form),
// and looks the message up in l10n/bundle.l10n.nb.json, as VS Code does at run time. It also
// reports calls whose message is not a literal (they cannot be translated through the bundle)
// and translations whose {0} placeholders differ from the English message's. Plain Node, no
// dependencies, so CI and a fresh clone can run it before anything is installed.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'src', 'extension');
const CORE_DIR = path.join(ROOT, 'src', 'core');
const BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.nb.json');

/** Every .ts file under dir, sorted, as absolute paths. */
function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

/**
 * Reads a string literal starting at text[start] (a quote or backtick): { value, end } or undefined if it is a template
 * with ${}.
 */
function readLiteral(text, start) {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const e = text[++i];
      if (e === 'n') value += '\n';
      else if (e === 't') value += '\t';
      else if (e === 'r') value += '\r';
      else if (e === 'b') value += '\b';
      else if (e === 'f') value += '\f';
      else if (e === 'v') value += '\v';
      else if (e === '0' && !/[0-9]/.test(text[i + 1] ?? '')) value += '\0';
      else if (e === 'x') {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (e === 'u' && text[i + 1] === '{') {
        const close = text.indexOf('}', i);
        value += String.fromCodePoint(parseInt(text.slice(i + 2, close), 16));
        i = close;
      } else if (e === 'u') {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e === '\r' || e === '\n') {
        if (e === '\r' && text[i + 1] === '\n') i++;
      } else value += e;
      continue;
    }
    if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined;
    if (quote !== '`' && (c === '\n' || c === '\r')) return undefined;
    value += c;
  }
  return undefined;
}

function skipSpace(text, i) {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/**
 * The key VS Code looks up for l10n.t({ message, comment }): the message, or message/comment when there is a comment.
 */
function optionsKey(text, open) {
  const close = matchingBrace(text, open);
  const body = text.slice(open, close);
  const message = literalAfter(body, /\bmessage\s*:\s*/);
  if (message === undefined) return undefined;
  const commentAt = /\bcomment\s*:\s*/.exec(body);
  if (!commentAt) return message;
  let i = skipSpace(body, commentAt.index + commentAt[0].length);
  const parts = [];
  if (body[i] === '[') {
    i++;
    for (;;) {
      i = skipSpace(body, i);
      if (body[i] === ']') break;
      if (!`'"\``.includes(body[i])) return undefined;
      const lit = readLiteral(body, i);
      if (!lit) return undefined;
      parts.push(lit.value);
      i = skipSpace(body, lit.end);
      if (body[i] === ',') i++;
    }
  } else {
    if (!`'"\``.includes(body[i])) return undefined;
    const lit = readLiteral(body, i);
    if (!lit) return undefined;
    parts.push(lit.value);
  }
  return parts.length > 0 ? `${message}/${parts.join('')}` : message;
}

function literalAfter(text, pattern) {
  const found = pattern.exec(text);
  if (!found) return undefined;
  const i = found.index + found[0].length;
  if (!`'"\``.includes(text[i])) return undefined;
  return readLiteral(text, i)?.value;
}

function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (`'"\``.includes(c)) {
      const lit = readLiteral(text, i);
      if (lit) i = lit.end - 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

// vscode.l10n.t(...), or t(...) from src/extension/shared/l10n/displayLanguage.ts, which defines it.
const T_CALL = /(?:\bl10n\s*\.\s*|(?<![\w.$]))t\s*\(/g;
// message(...) from src/core/messages.ts, not its definition (function message(...)).
const MESSAGE_CALL = /(?<![\w.$]|function\s)message\s*\(/g;

/** Every l10n.t call in the extension's sources: { message, file, line } or { dynamic: source text, file, line }. */
function extractMessages(sourceDir = SOURCE_DIR) {
  return extractCalls(sourceDir, T_CALL, (file) => file.endsWith(path.join('l10n', 'displayLanguage.ts')));
}

/** Every message(...) template in the core's sources, in the same form. */
function extractCoreMessages(coreDir = CORE_DIR) {
  return extractCalls(coreDir, MESSAGE_CALL, () => false);
}

function extractCalls(sourceDir, pattern, skip) {
  const found = [];
  const call = new RegExp(pattern.source, 'g');
  for (const file of sourceFiles(sourceDir)) {
    if (skip(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    for (const match of text.matchAll(call)) {
      const line = text.slice(0, match.index).split('\n').length;
      const at = skipSpace(text, match.index + match[0].length);
      let message;
      if (`'"\``.includes(text[at])) {
        const lit = readLiteral(text, at);
        // A literal followed by + is a concatenation: not a fixed message.
        if (lit && !/^\s*\+/.test(text.slice(lit.end, lit.end + 20))) message = lit.value;
      } else if (text[at] === '{') message = optionsKey(text, at);
      if (message === undefined)
        found.push({ dynamic: text.slice(match.index, text.indexOf('\n', match.index)).trim(), file: relative, line });
      else found.push({ message, file: relative, line });
    }
  }
  return found;
}

/** The {0} / {name} placeholders of a message, as VS Code's l10n.t fills them. */
function placeholders(text) {
  return [...new Set(text.match(/\{(?:\d+|[A-Za-z_]\w*)\}/g) ?? [])].sort();
}

/** Compares the messages with the bundle: { messages, missing, mismatched, dynamic, unused }. */
function check(sourceDir = SOURCE_DIR, bundlePath = BUNDLE, coreDir = CORE_DIR) {
  const bundle = fs.existsSync(bundlePath) ? JSON.parse(fs.readFileSync(bundlePath, 'utf8')) : {};
  const calls = [...extractMessages(sourceDir), ...extractCoreMessages(coreDir)];
  const used = new Set();
  const missing = [];
  const mismatched = [];
  const dynamic = [];
  for (const call of calls) {
    if (call.dynamic !== undefined) {
      dynamic.push(call);
      continue;
    }
    used.add(call.message);
    const translation = bundle[call.message];
    if (typeof translation !== 'string' || translation.trim() === '') missing.push(call);
    else if (placeholders(translation).join() !== placeholders(call.message).join())
      mismatched.push({ ...call, translation });
  }
  const unused = Object.keys(bundle).filter((key) => !used.has(key));
  return { messages: [...used], missing, mismatched, dynamic, unused };
}

function main() {
  const report = check();
  const failed = report.missing.length + report.mismatched.length + report.dynamic.length > 0;
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const bundle = path.relative(ROOT, BUNDLE);
    for (const m of report.missing)
      console.log(`${m.file}:${m.line}: missing from ${bundle}: ${JSON.stringify(m.message)}`);
    for (const m of report.mismatched)
      console.log(
        `${m.file}:${m.line}: the placeholders of the translation ${JSON.stringify(m.translation)} differ from those of ${JSON.stringify(m.message)}`,
      );
    for (const m of report.dynamic)
      console.log(`${m.file}:${m.line}: the message is not a string literal, so it cannot be translated: ${m.dynamic}`);
    for (const key of report.unused)
      console.log(`note: ${bundle} translates ${JSON.stringify(key)}, which the extension no longer uses`);
    const unique = (list) => new Set(list.map((m) => m.message)).size;
    console.log(
      `${report.messages.length} messages: ${unique(report.missing)} missing, ${unique(report.mismatched)} with wrong placeholders, ${report.dynamic.length} calls not literal, ${report.unused.length} translations unused.`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}

module.exports = { extractMessages, extractCoreMessages, check, readLiteral, placeholders };

if (require.main === module) main();
