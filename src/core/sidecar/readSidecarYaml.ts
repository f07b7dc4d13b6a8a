import { YamlFile } from '../yaml/yamlFile';
import { readBlockYaml } from './fastYaml/nodeBuilder';
import { unlessDeclined } from './fastYaml/decline';

/** A carriage return not followed by a line feed: a line break to yaml, which the fast reader leaves to it. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/**
 * A sidecar's text as YAML: read by the fast reader when it is in the block form qcode writes (the
 * same nodes, ranges and line starts as the yaml library gives), else by the yaml library.
 */
export function readSidecarYaml(path: string, text: string): YamlFile {
  return fastSidecarYaml(path, text) ?? new YamlFile(path, text);
}

/** The text read by the fast reader, or undefined when it is not sure it reads it as the yaml library does. */
export function fastSidecarYaml(path: string, text: string): YamlFile | undefined {
  if (LONE_CARRIAGE_RETURN.test(text)) return undefined;
  const prebuilt = unlessDeclined(() => readBlockYaml(text));
  return prebuilt && new YamlFile(path, text, prebuilt);
}
