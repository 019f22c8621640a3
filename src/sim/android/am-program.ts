/**
 * `am`: start/start-activity (with `-W` in the real output format: Status, LaunchState, Activity, TotalTime,
 * WaitTime, Complete), force-stop, kill, instrument (the UiAutomator2 server: long-running), broadcast,
 * startservice. An app model's slow cold start shows in TotalTime because the launch really waits for it.
 */
import { fail, ok, type CommandResult } from './command-result.js';
import { UIA2_SERVER_PACKAGE, type SimAndroid } from './sim-android.js';

const INSTRUMENT_READY_MS = 300;
/** Packages whose launcher activity only starts a service and finishes (they never take the foreground). */
const HEADLESS_HELPERS = new Set(['io.appium.settings']);

/** Options of `am start` that take a value (so the value is not read as the intent's data). */
const VALUE_OPTIONS = new Set(['-n', '-a', '-c', '-d', '-t', '-f', '-e', '--es', '--ez', '--ei', '--el', '--ef', '--eu', '--ecn', '--eia', '--esa', '--user', '--display', '--windowingMode', '--activityType', '-P', '--start-profiler', '--sampling', '--attach-agent', '-R']);

/** Answers `am …`. */
export async function amProgram(sim: SimAndroid, args: string[]): Promise<CommandResult> {
  const [sub = '', ...rest] = args;
  switch (sub) {
    case 'start':
    case 'start-activity':
      return await start(sim, rest);
    case 'force-stop':
    case 'kill': {
      const name = rest.filter((a) => !a.startsWith('-')).pop() ?? '';
      if (name.startsWith(UIA2_SERVER_PACKAGE)) sim.instrumentationRunning = false;
      sim.device.forceStop(name);
      return ok();
    }
    case 'instrument':
      return instrument(sim, rest);
    case 'broadcast':
      return ok(`Broadcasting: Intent { act=${valueOf(rest, '-a') ?? ''} flg=0x400000 }\nBroadcast completed: result=0\n`);
    case 'startservice':
    case 'start-service':
    case 'start-foreground-service':
      return ok(`Starting service: Intent { cmp=${valueOf(rest, '-n') ?? ''} }\n`);
    case 'stopservice':
    case 'stop-service':
      return ok(`Stopping service: Intent { cmp=${valueOf(rest, '-n') ?? ''} }\nService stopped\n`);
    case 'get-current-user':
      return ok('0\n');
    case 'set-debug-app':
    case 'clear-debug-app':
    case 'set-inactive':
      return ok();
    default:
      sim.noteUnknown(`am ${args.join(' ')}`);
      return fail(`Error: unknown command '${sub}'`, 255);
  }
}

function valueOf(args: string[], option: string): string | undefined {
  const i = args.indexOf(option);
  return i >= 0 ? args[i + 1] : undefined;
}

function intentText(args: string[], component: string): string {
  const act = valueOf(args, '-a');
  const cat = valueOf(args, '-c');
  return `Intent { ${act ? `act=${act} ` : ''}${cat ? `cat=[${cat}] ` : ''}cmp=${component} }`;
}

async function start(sim: SimAndroid, args: string[]): Promise<CommandResult> {
  const wait = args.includes('-W');
  const component = valueOf(args, '-n') ?? positional(args);
  if (!component) return fail('Error: Activity not started, no component', 1, 'Error: Activity not started, unable to resolve Intent\n');
  const [pkgName = '', activity = ''] = component.split('/');
  const pkg = sim.device.packages.get(pkgName);
  const fullActivity = activity.startsWith('.') ? pkgName + activity : activity;
  if (!pkg || (activity && !pkg.activities.includes(fullActivity) && fullActivity !== pkg.launchActivity)) {
    return ok(`Starting: ${intentText(args, component)}\nError type 3\nError: Activity class {${pkgName}/${fullActivity}} does not exist.\n`);
  }
  const starting = `Starting: ${intentText(args, component)}\n`;
  if (!pkg.model && HEADLESS_HELPERS.has(pkgName)) {
    // A helper app without UI: its activity starts its service and finishes at once.
    sim.device.startProcess(pkgName);
    return ok(starting + (wait ? `Status: ok\nLaunchState: COLD\nActivity: ${component}\nTotalTime: 120\nWaitTime: 125\nComplete\n` : ''));
  }
  const wasTop = sim.device.foreground() === pkgName && !args.includes('-S');
  const started = Date.now();
  const result = await sim.device.launch(pkgName, { activity: fullActivity, restart: args.includes('-S') });
  if (!wait) return ok(starting);
  const shown = shortName(result.activity, pkgName);
  if (wasTop) {
    return ok(`${starting}Warning: Activity not started, intent has been delivered to currently running top-most instance.\nStatus: ok\nLaunchState: UNKNOWN (0)\nActivity: ${pkgName}/${shown}\nWaitTime: ${Date.now() - started}\nComplete\n`);
  }
  const total = result.totalMs;
  return ok(`${starting}Status: ok\nLaunchState: ${result.cold ? 'COLD' : 'WARM'}\nActivity: ${pkgName}/${shown}\nTotalTime: ${total}\nWaitTime: ${Date.now() - started + 2}\nComplete\n`);
}

function positional(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_OPTIONS.has(a)) i += a === '--es' || a === '--ez' || a === '--ei' || a === '-e' ? 2 : 1;
    else if (!a.startsWith('-') && a.includes('/')) return a;
  }
  return undefined;
}

function shortName(activity: string, pkg: string): string {
  return activity.startsWith(pkg + '.') ? activity.slice(pkg.length) : activity;
}

function instrument(sim: SimAndroid, args: string[]): CommandResult {
  const name = args.filter((a) => !a.startsWith('-')).pop() ?? '';
  const target = [...sim.device.packages.values()].find((p) => p.instrumentation?.name === name);
  if (!target) return fail('', 1, `INSTRUMENTATION_STATUS: Error=Unable to find instrumentation info for: ComponentInfo{${name}}\nINSTRUMENTATION_STATUS_CODE: -1\nandroid.util.AndroidException: INSTRUMENTATION_FAILED: ${name}\n`);
  return {
    kind: 'streaming',
    start(sink) {
      const server = sim.device.startProcess(target.instrumentation?.targetPackage ?? UIA2_SERVER_PACKAGE);
      const ready = setTimeout(() => {
        sim.instrumentationRunning = true;
        sim.device.writeLog('I', 'AppiumUiAutomator2Server', 'io.appium.uiautomator2.server listening on port 6790', server.pid);
      }, INSTRUMENT_READY_MS);
      return () => {
        clearTimeout(ready);
        sim.instrumentationRunning = false;
        sim.device.forceStop(server.pkg);
        sink.end();
      };
    },
  };
}
