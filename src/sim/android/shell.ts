/**
 * The device's shell: runs a line of commands (`;`, `&&`, `||`, a `| grep` filter) with the programs the
 * double knows. An unknown program answers like Android's toybox does (exit 127) and is noted for the figures.
 */
import { fail, ok, type BufferedResult, type CommandResult } from './command-result.js';
import { parseShellLine, type ShellCommand } from './shell-words.js';
import { amProgram } from './am-program.js';
import { pmProgram, cmdProgram } from './pm-program.js';
import { dumpsysProgram } from './dumpsys-program.js';
import { miscPrograms } from './misc-programs.js';
import { logcatCommand } from './logcat-command.js';
import type { SimAndroid } from './sim-android.js';

export type Program = (sim: SimAndroid, args: string[]) => CommandResult | Promise<CommandResult>;

const PROGRAMS: Record<string, Program> = {
  am: amProgram,
  pm: pmProgram,
  cmd: cmdProgram,
  dumpsys: dumpsysProgram,
  logcat: (sim, args) => logcatCommand(sim, args),
  ...miscPrograms,
};

/** Runs one shell line. A long-running program (logcat, am instrument -w) streams when it is alone on the line. */
export async function runShell(sim: SimAndroid, line: string): Promise<CommandResult> {
  const commands = parseShellLine(line);
  if (commands.length === 0) return ok();
  if (commands.length === 1) return await runOne(sim, commands[0]!);
  let last: BufferedResult = ok();
  let out = '';
  for (const command of commands) {
    if (command.joiner === '&&' && last.code !== 0) continue;
    if (command.joiner === '||' && last.code === 0) continue;
    if (command.joiner === '|') {
      last = filter(command, String(last.stdout));
      out = out.slice(0, out.length - String(last.stdout).length);
    } else {
      last = await buffered(await runOne(sim, command));
    }
    out += String(last.stdout);
  }
  return { ...last, stdout: out };
}

async function runOne(sim: SimAndroid, command: ShellCommand): Promise<CommandResult> {
  const [name = '', ...args] = command.words;
  const program = PROGRAMS[name.replace(/^\/system\/bin\//, '')];
  if (!program) {
    sim.noteUnknown(`shell ${command.words.join(' ')}`);
    return fail(`/system/bin/sh: ${name}: inaccessible or not found`, 127);
  }
  return await program(sim, args);
}

async function buffered(result: CommandResult): Promise<BufferedResult> {
  if (result.kind === 'buffered') return result;
  let text = '';
  const stop = result.start({ write: (c) => (text += c), end: () => undefined });
  await new Promise((r) => setTimeout(r, 50));
  stop();
  return ok(text);
}

/** `| grep [-i] [-E] pattern` and `| head -n N`; anything else passes the text through. */
function filter(command: ShellCommand, text: string): BufferedResult {
  const [name, ...args] = command.words;
  if (name === 'grep') {
    const flags = args.filter((a) => a.startsWith('-'));
    const pattern = args.find((a) => !a.startsWith('-')) ?? '';
    const re = new RegExp(pattern, flags.some((f) => f.includes('i')) ? 'i' : '');
    const lines = text.split('\n').filter((l) => re.test(l) !== flags.some((f) => f.includes('v')));
    return lines.length ? ok(lines.join('\n') + '\n') : { kind: 'buffered', stdout: '', code: 1 };
  }
  if (name === 'head') {
    const n = Number(args.find((a) => /^\d+$/.test(a)) ?? (args[0]?.replace('-', '') || 10));
    return ok(text.split('\n').slice(0, n).join('\n') + '\n');
  }
  return ok(text);
}
