/** What an adb invocation answers: buffered output with an exit code, or a stream that runs until stopped. */

export interface BufferedResult {
  kind: 'buffered';
  stdout: string | Buffer;
  stderr?: string;
  code: number;
}

export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

export interface StreamingResult {
  kind: 'streaming';
  /** Starts writing to the sink; returns the function that stops it (the adb process was killed). */
  start(sink: StreamSink): () => void;
}

export type CommandResult = BufferedResult | StreamingResult;

/** Exit 0 with this stdout. */
export function ok(stdout: string | Buffer = ''): BufferedResult {
  return { kind: 'buffered', stdout, code: 0 };
}

/** A failing command, with adb's stderr text. */
export function fail(stderr: string, code = 1, stdout = ''): BufferedResult {
  return { kind: 'buffered', stdout, stderr, code };
}
