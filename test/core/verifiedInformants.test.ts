import assert from 'node:assert/strict';
import { readInformants } from '../../src/core/informants/registry';
import { registryWithInformants } from '../../src/core/refi/planInformants';
import { YamlFile } from '../../src/core/yaml/yamlFile';

describe('informant writers read back what they write', () => {
  it('adds informants with their attributes to a registry written as JSON', () => {
    const result = registryWithInformants('{"informants": [{"code": "L5", "rolle": "leder"}]}\n', [
      { code: 'K3', attributes: { alder: 34, aktiv: true, bydel: 'yes' } },
    ]);
    assert.ok(result.ok, !result.ok ? result.message : '');
    const file = new YamlFile('informants.yaml', result.text);
    assert.deepEqual(
      readInformants(file).informants.map((i) => [i.code, { ...i.attributes }]),
      [
        ['L5', { rolle: 'leder' }],
        ['K3', { alder: 34, aktiv: true, bydel: 'yes' }],
      ],
    );
    assert.deepEqual(file.problems, []);
  });

  it('refuses a registry that would not read back as intended (a code listed twice), and says so', () => {
    const result = registryWithInformants('informants:\n  - code: K3\n', [{ code: 'K3', attributes: {} }]);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /^informants\.yaml could not be written .* left as it is/);
  });
});
