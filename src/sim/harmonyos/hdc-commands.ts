/**
 * One `hdc` invocation on the simulated device: global options (`-s host:port`, `-t key`), then
 * `list targets`, `shell`, `install`, `uninstall`, `file send|recv`, `fport`, `rport`, `version`. Outputs
 * are hdc's own texts (success strings the driver checks: `install bundle successfully`, `FileTransfer finish`,
 * `Forwardport result:OK`). `file` paths on the host side are this machine's: the double runs beside its client.
 */
import { readFile, writeFile, stat } from 'node:fs/promises';
import { parseShellLine } from '../android/shell-words.js';
import type { SimHarmony } from './sim-harmonyos.js';
import { PROGRAMS } from './shell-programs.js';
import { readHapFacts } from './hap-facts.js';

/** Runs one hdc command line (its argv without `hdc`) and returns what hdc prints. */
export async function runHdc(sim: SimHarmony, argv: string[]): Promise<string> {
  const args = [...argv];
  while (args[0] === '-s' || args[0] === '-t' || args[0] === '-l') {
    const [flag, value] = args.splice(0, 2);
    if (flag === '-t' && value !== sim.udid) return '[Fail]Not match target founded, check connect-key please\n';
  }
  const [command, ...rest] = args;
  sim.count(command === 'shell' ? `shell ${(rest.join(' ').trim().split(/\s+/)[0] ?? '')}` : (command ?? ''));
  switch (command) {
    case 'list':
      return rest[0] === 'targets' ? `${sim.udid}${rest.includes('-v') ? '\t\tUSB\tConnected\tlocalhost' : ''}\n` : '[Fail]Unknown command\n';
    case 'shell':
      return await runShell(sim, rest.join(' '));
    case 'install':
      return await install(sim, rest);
    case 'uninstall': {
      const bundle = rest.filter((a) => !a.startsWith('-'))[0] ?? '';
      const ok = sim.device.uninstall(bundle);
      if (ok) sim.modules.delete(bundle);
      return `[Info]App uninstall path:, queuesize:0, msg:${ok ? 'uninstall bundle successfully.' : 'error: failed to uninstall bundle. code:9568386 error: uninstall missing installed bundle.'}\nAppMod finish\n`;
    }
    case 'file':
      return await file(sim, rest);
    case 'fport': case 'rport':
      return forward(sim, command, rest);
    case 'version': case '-v':
      return 'Ver: 3.1.0e\n';
    case 'start': case 'kill':
      return '';
    default:
      sim.noteUnknown(`hdc ${argv.join(' ')}`);
      return '[Fail]Unknown command\n';
  }
}

/** `hdc shell <line>`: commands joined by ; && || run in order; a pipe passes nothing along (not needed here). */
export async function runShell(sim: SimHarmony, line: string): Promise<string> {
  let out = '';
  for (const { words } of parseShellLine(line)) {
    const [name, ...args] = words;
    if (!name) continue;
    const program = PROGRAMS[name];
    if (!program) {
      sim.noteUnknown(`shell ${words.join(' ')}`);
      out += `/bin/sh: ${name}: inaccessible or not found\n`;
      continue;
    }
    out += await program(sim, args);
  }
  return out;
}

async function install(sim: SimHarmony, args: string[]): Promise<string> {
  const path = args.filter((a) => !a.startsWith('-')).pop() ?? '';
  const report = (msg: string) => `[Info]App install path:${path}, queuesize:0, msg:${msg}\nAppMod finish\n`;
  if (sim.options.refuseInstall) return report(sim.options.refuseInstall);
  try {
    const facts = await readHapFacts(path);
    const minApi = facts.minSdk;
    if (minApi !== undefined && minApi > Number(sim.params.get('const.ohos.apiversion'))) {
      return report('error: failed to install bundle. code:9568262 error: install failed due to compatible policy not same.');
    }
    sim.device.install(facts, { grantAll: args.includes('-g') });
    sim.modules.set(facts.packageName, facts);
    return report('install bundle successfully.');
  } catch (error) {
    return report((error as Error).message);
  }
}

async function file(sim: SimHarmony, args: string[]): Promise<string> {
  const [verb, ...paths] = args;
  const [from, to] = paths.filter((p) => !p.startsWith('-'));
  if (!from || !to) return '[Fail]Unknown command\n';
  if (verb === 'send') {
    const data = await readFile(from).catch(() => undefined);
    if (!data) return `[Fail]Error opening file: no such file or directory, path:${from}\n`;
    sim.files.set(to, data);
    return `FileTransfer finish, Size:${data.length}, File count = 1, time:1ms rate:1.00kB/s\n`;
  }
  if (verb === 'recv') {
    const data = sim.files.get(from);
    if (!data) return `[Fail]Error opening file: no such file or directory, path:${from}\n`;
    const target = (await stat(to).catch(() => undefined))?.isDirectory() ? `${to}/${from.split('/').pop() ?? 'file'}` : to;
    await writeFile(target, data);
    return `FileTransfer finish, Size:${data.length}, File count = 1, time:1ms rate:1.00kB/s\n`;
  }
  return '[Fail]Unknown command\n';
}

/** `fport`/`rport` tasks; an rport (`rport tcp:<device> tcp:<host>`) also routes the device's loopback port to the host. */
function forward(sim: SimHarmony, command: string, args: string[]): string {
  if (args[0] === 'ls') return [...sim.forwards].map((f) => `${sim.udid}    ${f.replace(/^r/, '')}    [${f.startsWith('r') ? 'Reverse' : 'Forward'}]\n`).join('') || '[Empty]\n';
  if (args[0] === 'rm') {
    const task = args.slice(1).join(' ');
    if (sim.forwards.delete(`r${task}`)) sim.ports.removeReverse(args[1] ?? '');
    else sim.forwards.delete(task);
    return 'Remove forward ruler success, ruler:' + task + '\n';
  }
  if (args.length === 2 && args.every((a) => /^tcp:\d+$/.test(a))) {
    sim.forwards.add(`${command === 'rport' ? 'r' : ''}${args.join(' ')}`);
    if (command === 'rport') sim.ports.reverse(args[0]!, args[1]!);
    return 'Forwardport result:OK\n';
  }
  return '[Fail]Incorrect forward command\n';
}
