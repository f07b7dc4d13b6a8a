import { isCode } from '../node/fileAccess';

/** Where a command writes: injectable so tests can capture output. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const closed = new Set<NodeJS.WritableStream>();

export const processOutput: Output = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
};

function write(stream: NodeJS.WritableStream, text: string): void {
  if (!closed.has(stream)) stream.write(text);
}

/** A reader that went away (`qcode check | head`) ends the output quietly; the command still finishes. */
export function quietWhenReaderLeaves(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: unknown) => {
      if (!isCode(error, 'EPIPE')) throw error;
      closed.add(stream);
    });
  }
}

/**
 * Output in which control characters from project files (ESC, BEL, ...) are shown escaped, so that
 * a transcript or YAML string cannot drive the terminal. Tabs and line breaks stay. DEL and the C1
 * controls are written as \u00XX, which also keeps JSON output valid.
 */
export function withEscapedControls(io: Output): Output {
  return { out: (text) => io.out(escapeControls(text)), err: (text) => io.err(escapeControls(text)) };
}

export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
