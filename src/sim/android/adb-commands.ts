/**
 * The adb client's own verbs (devices, forward, reverse, install, logcat, push/pull…) as the simulated device
 * answers them; `shell` hands its line to the shell programs. Global options (-P, -s, -H, -t) are accepted
 * and dropped: there is one device per simulated adb.
 */
import { stat } from 'node:fs/promises';
import { fail, ok, type CommandResult } from './command-result.js';
import { readApkFacts } from './apk-facts.js';
import { logcatCommand } from './logcat-command.js';
import { runShell } from './shell.js';
import type { SimAndroid } from './sim-android.js';

const ADB_VERSION = 'Android Debug Bridge version 1.0.41\nVersion 34.0.4-debian\nInstalled as /usr/lib/android-sdk/platform-tools/adb\n';

/** Splits off the global options; returns the remaining words. */
export function stripGlobalOptions(args: string[]): { serial: string | undefined; rest: string[] } {
  let serial: string | undefined;
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === '-s') serial = args[i + 1];
    if (a === '-P' || a === '-s' || a === '-H' || a === '-t' || a === '-L') i += 2;
    else if (a === '-d' || a === '-e' || a === '-a') i += 1;
    else break;
  }
  return { serial, rest: args.slice(i) };
}

/** Answers one adb invocation. */
export async function runAdb(sim: SimAndroid, args: string[]): Promise<CommandResult> {
  const { serial, rest } = stripGlobalOptions(args);
  const [verb = '', ...tail] = rest;
  sim.countAdb(verb === 'shell' ? `shell ${tail[0] ?? ''}`.trim() : verb);
  if (serial && serial !== sim.serial && !['devices', 'start-server', 'kill-server', 'version'].includes(verb)) {
    return fail(`adb: device '${serial}' not found`);
  }
  switch (verb) {
    case 'start-server':
    case 'kill-server':
    case 'reconnect':
    case 'wait-for-device':
    case 'wait-for-any-device':
      return ok();
    case 'version':
      return ok(ADB_VERSION);
    case 'devices':
      return ok(tail.includes('-l')
        ? `List of devices attached\n${sim.serial}\tdevice product:sim_android model:sim_android_13 device:sim transport_id:1\n\n`
        : `List of devices attached\n${sim.serial}\tdevice\n\n`);
    case 'get-state':
      return ok('device\n');
    case 'get-serialno':
      return ok(`${sim.serial}\n`);
    case 'root':
      return ok('adbd is already running as root\n');
    case 'unroot':
      return ok('adbd not running as root\n');
    case 'shell':
      return await runShell(sim, shellLine(tail));
    case 'exec-out':
      return await runShell(sim, tail.join(' '));
    case 'logcat':
      return logcatCommand(sim, tail);
    case 'install':
      return await install(sim, tail);
    case 'uninstall':
      return sim.device.uninstall(tail[tail.length - 1] ?? '') ? ok('Success\n') : fail('Failure [DELETE_FAILED_INTERNAL_ERROR]', 1, 'Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
    case 'forward':
      return await forward(sim, tail);
    case 'reverse':
      return reverse(sim, tail);
    case 'push':
      return await push(sim, tail);
    case 'pull':
      return fail(`adb: error: failed to stat remote object '${tail[0] ?? ''}': No such file or directory`);
    case 'emu':
      return fail('error: no emulator detected');
    default:
      sim.noteUnknown(`adb ${rest.join(' ')}`);
      return fail(`adb: unknown command ${verb}`);
  }
}

/** `adb shell a b` sends "a b"; a single argument is already a line. */
function shellLine(words: string[]): string {
  const skip = words[0] === '-x' || words[0] === '-T' || words[0] === '-t' ? 1 : 0;
  return words.slice(skip).join(' ');
}

async function install(sim: SimAndroid, args: string[]): Promise<CommandResult> {
  const path = args.filter((a) => !a.startsWith('-')).pop();
  if (!path) return fail('adb: need APK file on command line');
  try {
    await stat(path);
  } catch {
    return fail(`adb: failed to stat ${path}: No such file or directory`);
  }
  try {
    const facts = await readApkFacts(path);
    const old = sim.device.packages.get(facts.packageName);
    if (old && !args.includes('-r')) return fail('', 1, `adb: failed to install ${path}: Failure [INSTALL_FAILED_ALREADY_EXISTS: Attempt to re-install ${facts.packageName} without first uninstalling.]\n`);
    if (old && old.versionCode > facts.versionCode && !args.includes('-d')) {
      return fail('', 1, `adb: failed to install ${path}: Failure [INSTALL_FAILED_VERSION_DOWNGRADE]\n`);
    }
    sim.device.install(facts, { grantAll: args.includes('-g') });
    return ok('Performing Streamed Install\nSuccess\n');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('', 1, `adb: failed to install ${path}: Failure [${message}]\n`);
  }
}

async function forward(sim: SimAndroid, args: string[]): Promise<CommandResult> {
  if (args[0] === '--list') return ok(sim.ports.listForwards(sim.serial));
  if (args[0] === '--remove-all') {
    await sim.ports.closeAll();
    return ok();
  }
  if (args[0] === '--remove') return (await sim.ports.removeForward(args[1] ?? '')) ? ok() : fail(`adb: error: listener '${args[1]}' not found`);
  const [local, remote] = args.filter((a) => a !== '--no-rebind');
  try {
    await sim.ports.forward(local ?? '', remote ?? '');
    return ok();
  } catch (error) {
    return fail(`adb: error: cannot bind listener: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function reverse(sim: SimAndroid, args: string[]): CommandResult {
  if (args[0] === '--list') return ok(sim.ports.listReverses());
  if (args[0] === '--remove-all') {
    sim.ports.removeAllReverses();
    return ok();
  }
  if (args[0] === '--remove') return sim.ports.removeReverse(args[1] ?? '') ? ok() : fail(`adb: error: listener '${args[1]}' not found`);
  const [remote, local] = args.filter((a) => a !== '--no-rebind');
  sim.ports.reverse(remote ?? '', local ?? '');
  return ok();
}

async function push(sim: SimAndroid, args: string[]): Promise<CommandResult> {
  const [local, remote] = args.filter((a) => !a.startsWith('-'));
  if (!local || !remote) return fail('adb: usage: push LOCAL... REMOTE');
  const { readFile } = await import('node:fs/promises');
  try {
    sim.files.set(remote, await readFile(local));
  } catch {
    return fail(`adb: error: cannot stat '${local}': No such file or directory`);
  }
  return ok(`${local}: 1 file pushed, 0 skipped.\n`);
}
