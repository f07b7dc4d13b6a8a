/** A mistake in how the command was called: exit code 2, with the usage text. */
export class UsageError extends Error {}

/** A command that cannot go on for a reason outside qcode (git missing, say): its message, exit code 1. */
export class CommandError extends Error {}

export const USAGE = `qcode: qualitative coding of interview transcripts

Usage:
  qcode init [dir]
  qcode check [dir] [--fix] [--format text|json|github] [--key FILE]
  qcode tag <transcript> --range L:C-L:C --concept ID [--concept ID]... [--memo TEXT] [--coder NAME]
  qcode export [dir] [--preset NAME] [--format md|csv|json|docx] [--concept ID]... [--informant CODE]...
               [--where ATTRIBUTE=VALUE]... [--group concept|informant] [--citation TEMPLATE]
               [--memos] [--context] [--key-only] [--query NAME] [--out FILE]
  qcode export [dir] --memos-only [--format md|docx] [--concept ID]... [--informant CODE]... [--key-only] [--out FILE]
  qcode export [dir] --format qdpx|qdc [--out FILE]
  qcode render <chapter.md>... [--format md|docx|html] [--out FILE|DIR]
  qcode import <file.qdpx|file.qdc> [--into dir] [--format text|json]
  qcode import <transcript.vtt|.srt|.docx|.txt>... [--into dir] [--speaker "NAME=LABEL"]... [--format text|json]
  qcode query "<expression>"|NAME [dir] [--format md|json|csv|docx] [--out FILE]
  qcode stats [dir] [--by informant|attribute:<name>|cooccurrence] [--format md|csv|json]
  qcode codebook [dir] [--format md|docx|qdc] [--counts] [--by ATTRIBUTE] [--examples] [--out FILE]
  qcode agreement [dir] [--coders A,B] [--concept ID]... [--format md|json]
  qcode diff <base-rev> [<head-rev>] [dir] [--format md|json]
  qcode pseudonymize [dir] [--key FILE] [--dry-run]
  qcode <command> --help      what a command does, with its options
  qcode --version

  dir defaults to the current folder. A transcript path may be given from anywhere inside
  the project; the project is the nearest folder above it with qcode.yaml or codebook.yaml.
  diff compares the coding in two git revisions; without head-rev, with the working tree.
  import reads a REFI-QDA project or codebook (NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette)
  into the project in --into (default: the current folder), merging with what is there.
  import also reads transcripts from Zoom, Teams, Whisper, Otter, Rev, Word and others
  (WebVTT, SRT, Word, text) into the transcripts folder, one speaker turn per paragraph;
  --speaker "Kari Nordmann=K4" labels a speaker's turns (others get S1, S2, ...).
  export --format qdpx writes the whole project for those tools (default <dir name>.qdpx),
  --format qdc the codebook alone (default codebook.qdc), in the current folder.
  export --format docx writes a Word chapter draft (default quotes.docx); --preset takes the
  choices saved under exports: in qcode.yaml, and the flags given replace the preset's.
  --citation fills {informant}, {transcript} and {line}; --memos and --context are for docx.
  --key-only takes only the key quotes; --memos-only writes every memo of the project instead.
  render writes each chapter with every {{q:ID}} and {{concept:ID}} replaced by the current
  quotes and citations (md and html to the terminal unless --out is given); when a reference
  cannot be rendered, it names file:line:column and writes nothing.
  query finds the passages a coding query describes (qcode query --help shows the language);
  NAME runs one saved under queries: in qcode.yaml, as export --query NAME exports its passages.
  codebook writes the codebook as an appendix: each concept numbered under its parent, with its
  definition and criteria, --counts its coded passages (per value of --by, default role), and
  --examples its anchor examples quoted with their citations (md to the terminal unless --out;
  docx default codebook.docx); --format qdc writes it for other QDA tools.
  pseudonymize replaces the names in the key (pseudonyms.yaml, or "pseudonyms:" in qcode.yaml)
  in the transcripts and every copy qcode keeps, moving each annotation with its text.

Exit codes: 0 ok, 1 problems found (or a file or tool qcode needs is unusable), 2 usage error,
70 internal error: a bug in qcode, to be reported (QCODE_DEBUG=1 prints where it happened).
`;

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
/** An unexpected exception: a bug (EX_SOFTWARE in sysexits.h). */
export const EXIT_CRASH = 70;
