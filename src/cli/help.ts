import { version } from '../../package.json';
import { USAGE } from './usage';

/** What `qcode --version` prints: the version of the package this bundle was built from. */
export const VERSION_TEXT = `qcode ${version}\n`;

/** Whether the arguments of a command ask for its help (before a `--` that ends the options). */
export function asksForHelp(args: readonly string[]): boolean {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return options.includes('--help') || options.includes('-h');
}

/** `qcode <name> --help`: the command's usage lines from USAGE, then what it does and its options. */
export function commandHelp(name: string): string | undefined {
  const details = DETAILS[name];
  if (details === undefined) return undefined;
  const synopsis = synopsisLines(name);
  const usage = synopsis.length > 0 ? synopsis : [HIDDEN_SYNOPSIS[name] ?? `  qcode ${name}`];
  return `Usage:\n${usage.join('\n')}\n\n${details.trim()}\n`;
}

/** The lines of USAGE that start with `qcode <name>`, with the lines that continue them. */
function synopsisLines(name: string): string[] {
  const lines = USAGE.split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line !== `  qcode ${name}` && !line.startsWith(`  qcode ${name} `)) continue;
    found.push(line);
    while (/^ {6,}\S/.test(lines[i + 1] ?? '')) found.push(lines[++i] as string);
  }
  return found;
}

/** Commands that the general usage leaves out, as they are not typed by people. */
const HIDDEN_SYNOPSIS: Readonly<Record<string, string>> = {
  'merge-driver': '  qcode merge-driver <base> <ours> <theirs> [<path>]',
};

const DIR = '  dir           the project folder (default: the current folder)';

/** What each command does and its options; the names are those of the command table in main.ts. */
const DETAILS: Readonly<Record<string, string>> = {
  init: `
Creates qcode.yaml, codebook.yaml, informants.yaml and transcripts/ where missing, registers
qcode's merge driver for sidecars, the codebook and the informants (.gitattributes and the
clone's git config), keeps lock, temporary and key files out of git, and adds to
.vscode/settings.json what opens the transcripts in the Transcript language.

${DIR}`,
  check: `
Validates every file of the project and resolves every annotation against its transcript
(exact, moved, fuzzy or orphaned). Exits 1 when there are errors.

${DIR}
  --fix         rewrite the ranges of moved and fuzzy annotations (never removes one)
  --format      text (default), json, or github: workflow commands that GitHub shows
                on the lines of a pull request
  --key         the pseudonym key whose names to look for, kept anywhere (a CI secret),
                in place of pseudonyms.yaml; a file that is not there is an error`,
  tag: `
Adds an annotation to a transcript; the quote, its context and the informant are taken from the
transcript. Whitespace at either end of the range is left out.

  --range       startLine:startColumn-endLine:endColumn, 1-based, end exclusive
  --concept     a concept id of codebook.yaml; give it once per concept
  --memo        a memo for the passage
  --coder       who coded it (default: $QCODE_CODER, else git's user.name)`,
  export: `
Writes the tagged quotes for drafting a chapter, or the project for other QDA tools.

${DIR}
  --format      md (default), csv, json, docx (a Word draft, default quotes.docx),
                qdpx (a REFI-QDA project) or qdc (the codebook alone)
  --preset      the choices saved under exports: in qcode.yaml; flags given replace them
  --concept     only these concepts (and their sub-concepts); repeatable
  --informant   only these informants; repeatable
  --where       only informants with ATTRIBUTE=VALUE; repeatable
  --group       concept (default) or informant
  --query       only the passages of the query saved under this name in qcode.yaml
  --citation    a template with {informant}, {transcript} and {line}
  --memos       include memos (docx)
  --context     include the text around each quote (docx)
  --key-only    only the key quotes (key: true in the sidecar)
  --memos-only  every memo instead of the quotes: the memo files (references rendered), the
                concepts', the transcripts' and the passages' (md, or docx: default memos.docx);
                --concept, --informant, --where and --key-only choose the passages
  --out         the file to write (default: the terminal for md, csv and json)`,
  render: `
Writes each chapter with every {{q:ID}} and {{concept:ID}} replaced by the current quotes and
citations. When a reference cannot be rendered it names file:line:column and writes nothing.

  --format      md (default), docx or html
  --out         the file to write, or a folder when several chapters are given
                (default: the terminal for md and html)`,
  import: `
Reads a REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder or
Taguette into the project, merging with what is there; or reads transcripts (WebVTT, SRT, Word,
text) from Zoom, Teams, Whisper, Otter, Rev and others into its transcripts folder.

  --into        the project folder (default: the current folder, created if missing)
  --speaker     "NAME=LABEL" labels a speaker's turns (others get S1, S2, ...); repeatable
  --format      text (default) or json`,
  query: `
Finds the passages a coding query describes, e.g. "koordinator and role=tjenestemottaker", or
runs the query saved under that NAME in qcode.yaml (queries:). Operands: a concept id (with its
sub-concepts), informant=K3 (comma lists and * wildcards: informant=K*,L5), an informant
attribute such as role=leder, coder=NAME, memo~"text", key (key quotes). Operators, tightest
first: not A, A and B (the text coded with both), A overlapping B (whole A passages that overlap
B), A within-turn B, A near N B (within N speaker turns), A followed-by N B, A or B; parentheses
group. A syntax error is shown at its column.

${DIR}
  --format      md (default), json, csv or docx (a Word document, default query.docx)
  --out         the file to write (default: the terminal for md, json and csv)`,
  stats: `
Counts the passages per concept and informant, per concept and value of an informant attribute,
or per pair of concepts.

${DIR}
  --by          informant (default), attribute:<name> or cooccurrence
  --format      md (default), csv or json`,
  codebook: `
Writes the codebook as an appendix for a publication: every concept under a numbered heading
one level below its parent's, with its definition and its inclusion and exclusion criteria.

${DIR}
  --format      md (default; to the terminal unless --out), docx (a Word document, default
                codebook.docx) or qdc (a REFI-QDA codebook for other QDA tools)
  --counts      each concept's coded passages (its own and those of the concepts below it,
                each once), in all and per value of an informant attribute
  --by          the attribute that groups the counts (default: role, when informants have it)
  --examples    each concept's anchor examples (examples: in codebook.yaml), quoted with
                their citations
  --out         the file to write`,
  agreement: `
Intercoder agreement per concept: percentage, Cohen's kappa, Krippendorff's alpha, and the
passages where the coders differ.

${DIR}
  --coders      the coders to compare, as A,B (default: every coder of the project)
  --concept     only these concepts; repeatable
  --format      md (default) or json`,
  diff: `
Describes the coding changes between two git revisions, or between a revision and the working
tree: passages tagged, removed, retagged or requoted, memos, concepts and informants. Exits 0
whether or not anything changed.

  base-rev      the revision to compare with, e.g. main or origin/main
  head-rev      the revision to compare (default: the working tree)
${DIR}
  --format      md (default) or json`,
  pseudonymize: `
Replaces the real names of the pseudonym key in the transcripts and every copy of their text
qcode keeps, moving each annotation with its text, and in the chapter and memo files outside
their {{...}} references. Names in references and in exported files are left for check to
report.

${DIR}
  --key         the key file (default: pseudonyms.yaml, or "pseudonyms:" in qcode.yaml)
  --dry-run     say what would be replaced, and change nothing`,
  'merge-driver': `
git's merge driver for qcode's files, registered by qcode init; git runs it, not you. Merges
sidecars, the codebook and the informants item by item, writes the result to the ours file,
and exits 1 when it left conflict markers.

  base ours theirs   the files git passes as %O %A %B
  path               the file's path in the repository (%P)`,
};
