/** The host's `adb` (the SDK's, or the simulated device's) for what the driver does not expose: reverse ports, the global proxy setting. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Adb {
  readonly path: string;
  readonly udid: string;
  /** Runs `adb -s <udid> <args…>`; resolves to stdout, rejects with stderr's first line. */
  exec(...args: string[]): Promise<string>;
  shell(command: string): Promise<string>;
}

/** An adb bound to one device. */
export function adbFor(androidHome: string, udid: string, timeoutMs = 20_000): Adb {
  const path = join(androidHome, 'platform-tools', 'adb');
  const exec = async (...args: string[]): Promise<string> => {
    try {
      return (await run(path, ['-s', udid, ...args], { timeout: timeoutMs, encoding: 'utf8' })).stdout;
    } catch (error) {
      const e = error as { stderr?: string; message?: string };
      throw new Error(`adb ${args.join(' ')}: ${(e.stderr || e.message || String(error)).trim().split('\n')[0]}`);
    }
  };
  return { path, udid, exec, shell: (command) => exec('shell', command) };
}

/** The serial of the only (or first) device `adb devices` lists as ready. */
export async function firstDevice(androidHome: string): Promise<string | undefined> {
  const path = join(androidHome, 'platform-tools', 'adb');
  const { stdout } = await run(path, ['devices'], { timeout: 20_000, encoding: 'utf8' });
  return stdout.split('\n').map((l) => /^(\S+)\s+device$/.exec(l.trim())?.[1]).find(Boolean);
}
