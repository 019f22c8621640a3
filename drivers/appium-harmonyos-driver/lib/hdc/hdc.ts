/**
 * The only way the driver reaches a device: the `hdc` client, optionally talking to a remote hdc
 * server (`hdc -s host:port`, a farm host), addressed to one device (`hdc -t <connect-key>`).
 * Every call has a timeout, and calls to one device run one at a time (uitest is single-client).
 */
import { execFile } from 'node:child_process';
import { withDeviceLock } from './device-lock.js';
import { HdcCommandError, isFailureOutput } from './failure.js';

export interface HdcOptions {
  /** The hdc executable (a path or a name on PATH). */
  binary: string;
  /** `host:port` of a remote hdc server; without it the local server (127.0.0.1:8710) is used. */
  server?: string | undefined;
  /** The device's connect key (`hdc list targets`). */
  target?: string | undefined;
  /** Default timeout of one call. */
  timeoutMs: number;
  log?: ((line: string) => void) | undefined;
}

export interface ExecOptions {
  timeoutMs?: number;
  /** Throw HdcCommandError when the output reports a failure (default true). */
  check?: boolean;
}

export class Hdc {
  constructor(readonly options: HdcOptions) {}

  /** This client addressed to one device. */
  forTarget(target: string): Hdc {
    return new Hdc({ ...this.options, target });
  }

  /** The arguments placed before every command: server and target selection. */
  prefix(): string[] {
    const args: string[] = [];
    if (this.options.server) args.push('-s', this.options.server);
    if (this.options.target) args.push('-t', this.options.target);
    return args;
  }

  /** Runs `hdc <prefix> ...args` and returns stdout and stderr together (hdc prints errors on either). */
  async exec(args: readonly string[], opts: ExecOptions = {}): Promise<string> {
    const full = [...this.prefix(), ...args];
    const key = `${this.options.server ?? 'local'}/${this.options.target ?? 'any'}`;
    const output = await withDeviceLock(key, () => run(this.options.binary, full, opts.timeoutMs ?? this.options.timeoutMs));
    this.options.log?.(`hdc ${full.join(' ')} → ${output.length > 200 ? `${output.slice(0, 200)}…` : output.trim()}`);
    if ((opts.check ?? true) && isFailureOutput(output)) throw new HdcCommandError(full, output);
    return output;
  }

  /** `hdc shell <command>`: the command is one string, run by the device's shell. */
  async shell(command: string, opts: ExecOptions = {}): Promise<string> {
    return await this.exec(['shell', command], opts);
  }

  /** Copies a device file to the host. */
  async recv(remote: string, local: string): Promise<void> {
    await this.exec(['file', 'recv', remote, local]);
  }

  /** Copies a host file to the device. */
  async send(local: string, remote: string): Promise<void> {
    await this.exec(['file', 'send', local, remote]);
  }

  /** The raw output of `hdc list targets` (no target selection). */
  async listTargets(): Promise<string> {
    const args = this.options.server ? ['-s', this.options.server, 'list', 'targets'] : ['list', 'targets'];
    return await run(this.options.binary, args, this.options.timeoutMs);
  }
}

function run(binary: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error(`hdc not found at '${binary}': install the HarmonyOS SDK toolchains (hdc) or set the appium:hdcPath capability`));
        return;
      }
      if (error?.killed) {
        reject(new HdcCommandError(args, output, `hdc ${args.join(' ')} timed out after ${timeoutMs} ms`));
        return;
      }
      resolve(output);
    });
  });
}
