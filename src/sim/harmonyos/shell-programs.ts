/**
 * The device-side programs `hdc shell` runs, as HarmonyOS prints them: param, bm, aa, uitest,
 * snapshot_display, hidumper, hilog, pidof, ls, cat, rm, date, power-shell. Each takes its words and
 * answers text (or fails with the tool's own error text); state lives on the SimHarmony.
 */
import sharp from 'sharp';
import { renderScreenshot } from '../engine/screenshot.js';
import { flatten, type ViewNode } from '../engine/view-tree.js';
import type { SimHarmony } from './sim-harmonyos.js';
import { FAULTLOG_DIR } from './sim-harmonyos.js';
import { renderLayoutDump, type WindowInfo } from './layout-dump.js';
import { PERMISSION_MANAGER, SCENEBOARD } from './harmony-system-ui.js';
import { bundleDump, hidumperCpu, hidumperMem, hilogLine, missionBlock } from './device-outputs.js';

export type Program = (sim: SimHarmony, args: string[]) => Promise<string> | string;

function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function windowOf(sim: SimHarmony): (pkg: string) => WindowInfo {
  return (pkg) => {
    if (pkg === PERMISSION_MANAGER) return { bundleName: pkg, abilityName: 'com.ohos.permissionmanager.GrantAbility', pagePath: 'pages/dialogPlus' };
    if (pkg === SCENEBOARD) return { bundleName: pkg, abilityName: 'com.ohos.sceneboard.MainAbility', pagePath: 'pages/Index' };
    // The engine labels a toast layer with Android's system UI package; on HarmonyOS the system draws it in a window of its own.
    if (pkg === 'com.android.systemui') return { bundleName: SCENEBOARD, abilityName: 'com.ohos.sceneboard.MainAbility', pagePath: 'toast' };
    const installed = sim.device.packages.get(pkg);
    const page = sim.device.processes.get(pkg)?.session?.focus();
    return { bundleName: pkg, abilityName: installed?.launchActivity ?? 'EntryAbility', pagePath: page && page.pkg === pkg ? page.activity : '' };
  };
}

/** The layout JSON of the display now. */
export function layoutJson(sim: SimHarmony): string {
  const { width, height } = sim.device.screen;
  return JSON.stringify(renderLayoutDump(sim.device.view(), [0, 0, width, height], windowOf(sim)));
}

const param: Program = (sim, args) => {
  if (args[0] !== 'get' || !args[1]) return 'Command not support\n';
  const value = sim.params.get(args[1]);
  return value !== undefined ? `${value}\n` : `Get parameter "${args[1]}" fail! errNum is:106!\n`;
};

const bm: Program = (sim, args) => {
  const [sub] = args;
  if (sub === 'dump' && args.includes('-a')) return `ID: 100:\n${[...sim.device.packages.keys()].map((p) => `\t${p}`).join('\n')}\n`;
  if (sub === 'dump' && option(args, '-n')) {
    const name = option(args, '-n')!;
    const pkg = sim.device.packages.get(name);
    return pkg ? bundleDump(pkg, sim.modules.get(name)) : 'error: failed to get information and the parameters may be wrong.\n';
  }
  if (sub === 'clean' && option(args, '-n')) {
    const name = option(args, '-n')!;
    if (!sim.device.packages.has(name)) return 'error: failed to clean bundle data files.\n';
    if (args.includes('-d')) {
      sim.device.clearData(name);
      return 'clean bundle data files successfully.\n';
    }
    return 'clean bundle cache files successfully.\n';
  }
  if (sub === 'get' && args.includes('-u')) return `udid of current device is :\n${Buffer.from(sim.udid).toString('hex').padEnd(64, '0').slice(0, 64).toUpperCase()}\n`;
  if (sub === 'uninstall' && option(args, '-n')) return sim.device.uninstall(option(args, '-n')!) ? 'uninstall bundle successfully.\n' : 'error: failed to uninstall bundle.\n';
  sim.noteUnknown(`bm ${args.join(' ')}`);
  return 'error: bm command not supported by the simulated device\n';
};

const aa: Program = async (sim, args) => {
  const [sub] = args;
  if (sub === 'start') {
    const bundle = option(args, '-b');
    const ability = option(args, '-a');
    const pkg = bundle ? sim.device.packages.get(bundle) : undefined;
    if (!pkg || !ability || !pkg.activities.includes(ability)) return 'error: failed to start ability.\nerror: resolve ability err.\n';
    const started = Date.now();
    const result = await sim.device.launch(pkg.packageName);
    const lines = [];
    if (args.includes('-W')) {
      lines.push(`StartMode: ${result.cold ? 'Cold' : 'Hot'}`, `BundleName: ${pkg.packageName}`, `AbilityName: ${ability}`);
      const module = option(args, '-m');
      if (module) lines.push(`ModuleName: ${module}`);
      lines.push(`TotalTime: ${result.totalMs}`, `WaitTime: ${Date.now() - started + 2}`);
    }
    lines.push('start ability successfully.');
    return `${lines.join('\n')}\n`;
  }
  if (sub === 'force-stop' && args[1]) {
    if (!sim.device.packages.has(args[1])) return 'error: failed to force stop process.\n';
    sim.device.forceStop(args[1]);
    return 'force stop process successfully.\n';
  }
  if (sub === 'dump' && (args.includes('-l') || args.includes('-a'))) {
    const top = sim.device.foreground();
    const blocks = sim.device.recents.map((name, i) => {
      const pkg = sim.device.packages.get(name);
      return missionBlock(40 + i, name, sim.modules.get(name)?.moduleName ?? 'entry', pkg?.launchActivity ?? 'EntryAbility', name === top);
    });
    return ['      User ID #100', '        current mission lists:{', ...blocks, '        }', ''].join('\n');
  }
  sim.noteUnknown(`aa ${args.join(' ')}`);
  return 'error: unknown aa command\n';
};

/** The deepest scrollable node under a point. */
function scrollableAt(root: ViewNode, x: number, y: number): ViewNode | undefined {
  let hit: ViewNode | undefined;
  for (const n of flatten(root)) {
    const [l, t, r, b] = n.bounds;
    if (n.node.scrollable && x >= l && x < r && y >= t && y < b) hit = n;
  }
  return hit;
}

async function screenshotPng(sim: SimHarmony): Promise<Buffer> {
  const t = new Date(sim.device.now() + 8 * 3_600_000);
  const clock = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  return await renderScreenshot(sim.device.view(), sim.device.screen, clock);
}

const uitest: Program = async (sim, args) => {
  const [sub, verb, ...rest] = args;
  if (sub === 'dumpLayout') {
    const path = option(args, '-p') ?? '/data/local/tmp/layout.json';
    sim.files.set(path, Buffer.from(layoutJson(sim), 'utf8'));
    return `DumpLayout saved to:${path}\n`;
  }
  if (sub === 'screenCap') {
    const path = option(args, '-p') ?? '/data/local/tmp/screenCap.png';
    sim.files.set(path, await screenshotPng(sim));
    return `ScreenCap saved to ${path}\n`;
  }
  if (sub !== 'uiInput') {
    sim.noteUnknown(`uitest ${args.join(' ')}`);
    return 'error: unknown uitest command\n';
  }
  const n = rest.map(Number);
  switch (verb) {
    case 'click': case 'doubleClick': case 'longClick':
      sim.device.tap(n[0]!, n[1]!);
      return '';
    case 'swipe': case 'drag': case 'fling': {
      const session = sim.device.topSession();
      const target = session ? scrollableAt(sim.device.view(), n[0]!, n[1]!) : undefined;
      if (session && target) session.scrollBy(target.key, n[1]! - n[3]!);
      return '';
    }
    case 'inputText': {
      const hit = sim.device.tap(n[0]!, n[1]!);
      const text = rest.slice(2).join(' ');
      // Typed at the cursor (the end): what the field held stays unless it was cleared first.
      if (hit?.node.editable) sim.device.topSession()?.setText(hit.key, (sim.device.topSession()?.textOf(hit.key) ?? '') + text);
      sim.selectedAll = undefined;
      return '';
    }
    case 'keyEvent':
      keyEvent(sim, rest);
      return '';
    default:
      sim.noteUnknown(`uitest uiInput ${verb ?? ''}`);
      return 'error: unknown uiInput command\n';
  }
};

const KEY_CTRL_LEFT = '2072';
const KEY_A = '2017';
const KEY_DEL = '2055';

/** Back, Home, Ctrl+A (selects the focused field's text) and DEL (deletes the selection, else the last character). */
function keyEvent(sim: SimHarmony, keys: string[]): void {
  const [key] = keys;
  const session = sim.device.topSession();
  const field = session?.focusedField();
  const selected = sim.selectedAll;
  sim.selectedAll = undefined;
  if (key === 'Back' || key === '2') sim.device.back();
  else if (key === 'Home' || key === '1') sim.device.home();
  else if (key === KEY_CTRL_LEFT && keys[1] === KEY_A) sim.selectedAll = field;
  else if (key === KEY_DEL && session && field) session.setText(field, selected === field ? '' : (session.textOf(field) ?? '').slice(0, -1));
}

const snapshotDisplay: Program = async (sim, args) => {
  const path = option(args, '-f') ?? '/data/local/tmp/snapshot.jpeg';
  sim.files.set(path, await sharp(await screenshotPng(sim)).jpeg({ quality: 70 }).toBuffer());
  return `success: snapshot display 0 , write to ${path} as jpeg, width ${sim.device.screen.width}, height ${sim.device.screen.height}\n`;
};

function processName(sim: SimHarmony, pid: number): { name: string; screens: number; foreground: boolean } | undefined {
  for (const proc of sim.device.processes.values()) {
    if (proc.pid === pid) return { name: proc.pkg, screens: proc.session?.screensEntered ?? 0, foreground: sim.device.foreground() === proc.pkg };
  }
  return undefined;
}

const hidumper: Program = (sim, args) => {
  if (args[0] === '--mem' && args[1]) {
    const proc = processName(sim, Number(args[1]));
    if (!proc) return 'hidumper: pid is not exist\n';
    return hidumperMem({ arkTs: 12000 + 800 * proc.screens, native: 15000 + 500 * proc.screens, graph: 3100, other: 21900 });
  }
  if (args[0] === '--cpuusage' && args[1]) {
    const proc = processName(sim, Number(args[1]));
    if (!proc) return 'hidumper: pid is not exist\n';
    return hidumperCpu(Number(args[1]), proc.name, proc.foreground ? 1.2 : 0.3, new Date(sim.device.now()));
  }
  if (args[0] === '-s' && args[1] === 'RenderService' && args.includes('screen')) {
    const { width, height } = sim.device.screen;
    return `-- ScreenInfo\nscreen[0]: id=0, powerstatus=POWER_STATUS_ON, backlight=255, screenType=EXTERNAL_TYPE, render size: ${width}x${height}, physical screen resolution: ${width}x${height}, isvirtual=false\n  supportedMode[0]: ${width}x${height}, refreshrate=120\n  activeMode: ${width}x${height}, refreshrate=120\n`;
  }
  sim.noteUnknown(`hidumper ${args.join(' ')}`);
  return '';
};

const hilog: Program = (sim, args) => {
  if (args.includes('-r')) {
    sim.device.log.clear();
    return 'Log type core,app buffer clear successfully\n';
  }
  const name = (pid: number) => processName(sim, pid)?.name ?? (pid === 1000 ? 'foundation' : 'unknown');
  return sim.device.log.all().map((e) => hilogLine(e, name)).join('\n') + '\n';
};

const pidof: Program = (sim, args) => {
  const pid = args[0] ? sim.device.processes.get(args[0])?.pid : undefined;
  return pid !== undefined ? `${pid}\n` : '';
};

const ls: Program = (sim, args) => {
  const dir = args.filter((a) => !a.startsWith('-'))[0] ?? '/data/local/tmp';
  if (dir.replace(/\/$/, '') === FAULTLOG_DIR) return [...sim.faultLogs.keys()].map((f) => `${f}\n`).join('');
  const prefix = dir.replace(/\/$/, '') + '/';
  return [...sim.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => `${p.slice(prefix.length)}\n`).join('');
};

const cat: Program = (sim, args) => {
  const path = args[0] ?? '';
  const fault = path.startsWith(FAULTLOG_DIR + '/') ? sim.faultLogs.get(path.slice(FAULTLOG_DIR.length + 1)) : undefined;
  if (fault !== undefined) return fault;
  const file = sim.files.get(path);
  return file ? file.toString('utf8') : `cat: ${path}: No such file or directory\n`;
};

const rm: Program = (sim, args) => {
  for (const path of args.filter((a) => !a.startsWith('-'))) sim.files.delete(path);
  return '';
};

/** `date +FORMAT` in China Standard Time (the device's zone), with the device clock. */
const date: Program = (sim, args) => {
  const t = new Date(sim.device.now() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const fields: Record<string, string> = { Y: String(t.getUTCFullYear()), m: p(t.getUTCMonth() + 1), d: p(t.getUTCDate()), H: p(t.getUTCHours()), M: p(t.getUTCMinutes()), S: p(t.getUTCSeconds()), z: '+0800', s: String(Math.floor(sim.device.now() / 1000)) };
  const format = args[0]?.startsWith('+') ? args[0].slice(1) : '%Y-%m-%d %H:%M:%S';
  return format.replace(/%([YmdHMSzs])/g, (_, k: string) => fields[k]!) + '\n';
};

const powerShell: Program = () => 'Wakeup Device Successfully\n';

export const PROGRAMS: Record<string, Program> = {
  param, bm, aa, uitest, snapshot_display: snapshotDisplay, hidumper, hilog, pidof, ls, cat, rm, date, 'power-shell': powerShell,
};
