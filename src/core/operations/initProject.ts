import type { ProjectFiles } from '../port';
import { DEFAULT_SETTINGS, SETTINGS_FILE } from '../settings/settings';
import { encodeUtf8 } from '../text/decode';

export const SETTINGS_TEMPLATE = `# qcode project settings. Every line is optional; these are the defaults.
codebook: ${DEFAULT_SETTINGS.codebook}
informants: ${DEFAULT_SETTINGS.informants}
# Folder with the transcripts (searched recursively), and their file endings.
transcripts: ${DEFAULT_SETTINGS.transcripts}
extensions: [${DEFAULT_SETTINGS.extensions.join(', ')}]
# A speaker label at the start of a line, e.g. "K3: " or "I: ". Group 1 is the speaker.
speakerPattern: '${DEFAULT_SETTINGS.speakerPattern}'
# What an informant code looks like (K1, L5, M2).
informantPattern: '${DEFAULT_SETTINGS.informantPattern}'
# How exported quotes are cited: {informant}, {transcript} and {line} are filled in.
citation: '${DEFAULT_SETTINGS.citation}'
# The language of exported chapters: nb puts quotes in « », en in “ ”.
language: ${DEFAULT_SETTINGS.language}
# Named exports, repeatable with "qcode export --preset NAME", for example:
# exports:
#   kapittel-5:
#     format: docx
#     concepts: [koordinator]
#     where: { role: tjenestemottaker }
#     group: concept
#     memos: true
#     out: kapittel-5.docx
`;

const CODEBOOK_TEMPLATE = `# Codebook: the concepts used to tag passages. Annotations refer to concepts by id,
# so keep ids stable; labels and descriptions can change freely.
concepts:
  - id: example
    label: Example concept
    description: What a passage must show to be tagged with this concept.
    color: "#4e79a7"
    children: []
`;

const INFORMANTS_TEMPLATE = `# Informants: the code used in transcripts and citations, plus any attributes you like.
informants:
  - code: K1
    role: service user
`;

/** Creates the project files that are missing; returns the paths it created. */
export async function initProject(files: ProjectFiles): Promise<string[]> {
  const created: string[] = [];
  const templates: [string, string][] = [
    [SETTINGS_FILE, SETTINGS_TEMPLATE],
    [DEFAULT_SETTINGS.codebook, CODEBOOK_TEMPLATE],
    [DEFAULT_SETTINGS.informants, INFORMANTS_TEMPLATE],
  ];
  for (const [path, text] of templates) {
    if (await files.read(path)) continue;
    await files.write(path, encodeUtf8(text));
    created.push(path);
  }
  if (
    (await files.list(DEFAULT_SETTINGS.transcripts)).length === 0 &&
    !(await files.read(DEFAULT_SETTINGS.transcripts))
  ) {
    await files.write(`${DEFAULT_SETTINGS.transcripts}/.gitkeep`, new Uint8Array());
    created.push(`${DEFAULT_SETTINGS.transcripts}/`);
  }
  return created;
}
