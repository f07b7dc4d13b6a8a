import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import { compileKey } from '../../src/core/pseudonyms/matcher';
import { pseudonymizeProject } from '../../src/core/pseudonyms/pseudonymizeProject';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { projectFiles } from '../helpers/project';

const matcher = compileKey([
  { name: 'Kari Nordmann', replacement: '[K4]' },
  { name: 'Kari', replacement: '[K4]' },
]);
const TRANSCRIPT = 'I: Hvem hjelper deg?\n\nK3: Teamet mitt.\n';
const SIDECAR = `qcode: 1
transcript: intervju-K3.txt
memo: "Kari Nordmann var til stede.\\nKari tok notater."
annotations:
  - id: aaaaaaaa
    concepts: [samordning]
    range: 3:5-3:18
    quote: Teamet mitt.
    before: "I: Hvem hjelper deg?\\n\\nK3: "
    after: "\\n"
    key: true
`;
const PATH = 'transcripts/intervju-K3.txt.annotations.yaml';

async function pseudonymized(files: ReturnType<typeof projectFiles>, dryRun = false) {
  const project = await loadProject(files);
  return pseudonymizeProject(
    files,
    project.transcripts.map((t) => t.path),
    { codebook: 'codebook.yaml', informants: 'informants.yaml' },
    matcher,
    dryRun,
  );
}

describe('pseudonymizing memos', () => {
  it('replaces names in the memo on a transcript, changing only its line, and leaves nothing on a second run', async () => {
    const files = projectFiles({ 'intervju-K3.txt': TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': SIDECAR });
    const dry = await pseudonymized(files, true);
    assert.deepEqual(
      dry.replacements.map((r) => [r.file, r.line, r.found]),
      [
        [PATH, 3, 'Kari Nordmann'],
        [PATH, 3, 'Kari'],
      ],
    );
    assert.equal(files.text(PATH), SIDECAR, 'a dry run writes nothing');
    const outcome = await pseudonymized(files);
    assert.deepEqual(outcome.problems, []);
    assert.equal(
      files.text(PATH),
      SIDECAR.replace(
        'memo: "Kari Nordmann var til stede.\\nKari tok notater."',
        'memo: "[K4] var til stede.\\n[K4] tok notater."',
      ),
    );
    assert.equal(readSidecar(PATH, files.text(PATH) ?? '').entries[0]?.annotation.key, true, 'the key quote stays one');
    assert.deepEqual((await pseudonymized(files)).written, []);
  });
});
