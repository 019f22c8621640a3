/** Small shell programs: getprop, settings, echo, wm, input, ps, pidof, appops, date, ime, svc and friends. */
import { fail, ok, type CommandResult } from './command-result.js';
import { renderProps } from './device-props.js';
import { appopsProgram } from './appops-program.js';
import type { SimAndroid } from './sim-android.js';

type Program = (sim: SimAndroid, args: string[]) => CommandResult | Promise<CommandResult>;

const KEYCODE_BACK = new Set(['4', 'KEYCODE_BACK']);
const KEYCODE_HOME = new Set(['3', 'KEYCODE_HOME']);
const KEYCODE_WAKE = new Set(['224', 'KEYCODE_WAKEUP', '26', 'KEYCODE_POWER', '82', 'KEYCODE_MENU']);

function settings(sim: SimAndroid, args: string[]): CommandResult {
  const words = [...args];
  const user = words.indexOf('--user');
  if (user >= 0) words.splice(user, 2);
  const [verb, ns = '', key = '', ...value] = words;
  const table = sim.device.settings[ns as keyof typeof sim.device.settings];
  if (!table) return fail(`Invalid namespace '${ns}'`, 255);
  if (verb === 'get') return ok(`${table.get(key) ?? 'null'}\n`);
  if (verb === 'put') {
    table.set(key, value.join(' '));
    return ok();
  }
  if (verb === 'delete') {
    table.delete(key);
    return ok(`Deleted 1 rows\n`);
  }
  if (verb === 'list') return ok([...table].map(([k, v]) => `${k}=${v}\n`).join(''));
  return fail(`Invalid command: ${verb ?? ''}`, 255);
}

function input(sim: SimAndroid, args: string[]): CommandResult {
  const [verb, ...rest] = args;
  const device = sim.device;
  if (verb === 'keyevent') {
    for (const key of rest) {
      if (KEYCODE_BACK.has(key)) device.back();
      else if (KEYCODE_HOME.has(key)) device.home();
      else if (KEYCODE_WAKE.has(key)) sim.screenOn = true;
    }
    return ok();
  }
  if (verb === 'tap') {
    device.tap(Number(rest[0]), Number(rest[1]));
    return ok();
  }
  if (verb === 'swipe') {
    const [x1, y1, , y2] = rest.map(Number);
    const session = device.topSession();
    const target = session ? scrollTarget(sim, x1 ?? 0, y1 ?? 0) : undefined;
    if (session && target) session.scrollBy(target, (y1 ?? 0) - (y2 ?? 0));
    return ok();
  }
  if (verb === 'text') {
    const session = device.topSession();
    const key = session?.view() ? focusedKey(sim) : undefined;
    if (session && key) session.setText(key, (session.textOf(key) ?? '') + rest.join(' ').replaceAll('%s', ' '));
    return ok();
  }
  return ok();
}

function scrollTarget(sim: SimAndroid, x: number, y: number): string | undefined {
  const stack = [sim.device.view()];
  let found: string | undefined;
  while (stack.length) {
    const n = stack.pop()!;
    const [l, t, r, b] = n.bounds;
    if (n.node.scrollable && x >= l && x < r && y >= t && y < b) found = n.key;
    stack.push(...n.children);
  }
  return found;
}

function focusedKey(sim: SimAndroid): string | undefined {
  const stack = [sim.device.view()];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.focused) return n.key;
    stack.push(...n.children);
  }
  return undefined;
}

function ps(sim: SimAndroid, args: string[]): CommandResult {
  const header = 'USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME\n';
  const filterName = args.filter((a) => !a.startsWith('-')).pop();
  const rows = [...sim.device.processes.values()]
    .filter((p) => !filterName || p.pkg === filterName)
    .map((p) => `u0_a${(sim.device.packages.get(p.pkg)?.uid ?? 10100) - 10000}`.padEnd(10) + String(p.pid).padStart(9) + '   312 14863576 120532 0                   0 S ' + p.pkg + '\n');
  return ok(header + rows.join(''));
}

function date(sim: SimAndroid, args: string[]): CommandResult {
  const device = sim.device;
  const setTo = args.find((a) => a.startsWith('@'));
  if (setTo) {
    device.clockOffsetMs = Number(setTo.slice(1)) * 1000 - Date.now();
    return ok(`${new Date(device.now()).toString()}\n`);
  }
  const format = args.find((a) => a.startsWith('+'));
  const now = new Date(device.now() + 8 * 3_600_000);
  if (format === '+%s') return ok(`${Math.floor(device.now() / 1000)}\n`);
  if (format) {
    const iso = now.toISOString();
    const out = format.slice(1)
      .replaceAll('%Y', iso.slice(0, 4)).replaceAll('%m', iso.slice(5, 7)).replaceAll('%d', iso.slice(8, 10))
      .replaceAll('%T', iso.slice(11, 19)).replaceAll('%H', iso.slice(11, 13)).replaceAll('%M', iso.slice(14, 16))
      .replaceAll('%S', iso.slice(17, 19)).replaceAll('%z', '+0800').replaceAll('%Z', 'CST');
    return ok(out + '\n');
  }
  return ok(`${now.toUTCString().replace('GMT', 'CST')}\n`);
}

/** `[ -e path ]` / `test -f path`: files pushed to the device exist, /data/local/tmp and /sdcard too. */
function fileTest(sim: SimAndroid, args: string[]): CommandResult {
  const [flag, path = ''] = args;
  const exists = sim.files.has(path) || ['/data/local/tmp', '/sdcard', '/data/local/tmp/'].includes(path);
  const yes = flag === '-d' ? !sim.files.has(path) && exists : exists;
  return yes ? ok() : { kind: 'buffered', stdout: '', code: 1 };
}

export const miscPrograms: Record<string, Program> = {
  getprop: (sim, [name]) => ok(name ? `${sim.props.get(name) ?? ''}\n` : renderProps(sim.props)),
  setprop: (sim, [name, value]) => {
    if (name) sim.props.set(name, value ?? '');
    return ok();
  },
  settings,
  input,
  ps,
  date,
  appops: appopsProgram,
  echo: (_sim, args) => ok(args.join(' ') + '\n'),
  true: () => ok(),
  '[': (sim, args) => fileTest(sim, args.filter((a) => a !== ']')),
  test: (sim, args) => fileTest(sim, args),
  sleep: async (_sim, [seconds]) => {
    await new Promise((r) => setTimeout(r, Math.min(5000, Number(seconds ?? 0) * 1000)));
    return ok();
  },
  id: () => ok('uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),1015(sdcard_rw),3003(inet) context=u:r:shell:s0\n'),
  whoami: () => ok('shell\n'),
  pidof: (sim, [name]) => {
    const proc = sim.device.processes.get(name ?? '');
    return proc ? ok(`${proc.pid}\n`) : { kind: 'buffered', stdout: '', code: 1 };
  },
  wm: (sim, [verb]) => {
    const { width, height, density } = sim.device.screen;
    if (verb === 'size') return ok(`Physical size: ${width}x${height}\n`);
    if (verb === 'density') return ok(`Physical density: ${density}\n`);
    return ok();
  },
  ime: (_sim, [verb]) => ok(verb === 'list' ? 'com.android.inputmethod.latin/.LatinIME\n' : ''),
  svc: () => ok(),
  locksettings: () => ok(),
  content: () => ok(),
  chmod: () => ok(),
  mkdir: () => ok(),
  rm: (sim, args) => {
    for (const a of args) sim.files.delete(a);
    return ok();
  },
  touch: () => ok(),
  ls: (sim, args) => {
    const path = args.filter((a) => !a.startsWith('-')).pop() ?? '/';
    const names = [...sim.files.keys()].filter((k) => k === path || k.startsWith(path.replace(/\/?$/, '/')));
    return names.length ? ok(names.join('\n') + '\n') : fail(`ls: ${path}: No such file or directory`);
  },
  cat: (sim, [path]) => {
    const data = sim.files.get(path ?? '');
    if (data) return ok(data);
    if (path === '/proc/uptime') return ok(`${process.uptime().toFixed(2)} ${(process.uptime() * 1.8).toFixed(2)}\n`);
    return fail(`cat: ${path ?? ''}: No such file or directory`);
  },
  stat: (sim, args) => (sim.files.has(args[args.length - 1] ?? '') ? ok('1\n') : fail('stat: No such file or directory')),
  which: (_sim, [name]) => ok(`/system/bin/${name ?? ''}\n`),
  uiautomator: () => ok(),
  monkey: async (sim, args) => {
    const pkg = args[args.indexOf('-p') + 1];
    if (args.includes('-p') && pkg && sim.device.packages.has(pkg)) {
      await sim.device.launch(pkg);
      return ok('Events injected: 1\n');
    }
    return ok('** No activities found to run, monkey aborted.\n');
  },
};
