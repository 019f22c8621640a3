/**
 * The e2e files, in two lanes, and the pool that runs them: one `node --test <file>` per file (as
 * `node --test` itself would start; the compiled file in build/ when it is current, scripts/test-entry.mjs),
 * each file's TAP printed whole when it ends, with its wall time, so files running side by side never
 * interleave their output.
 *
 * - The device lane: files that start no Chromium (the simulated Android, HarmonyOS and iOS
 *   devices, package and input checks). They mostly wait on their doubles' modelled delays.
 * - The browser lane: files that drive Chromium, which need the CPU. The farm files, which run two to
 *   four audits at once themselves, run first and alone in their lane but for one light companion at a
 *   time (COMPANIONS): beside another audit they made five Chromiums on two cores. (ALONE_IN_LANE:
 *   also the HarmonyOS driver's install, in the device lane.)
 *
 * GOVAPP_E2E_CPU=1 adds each file's CPU seconds to the summary (GNU time, when installed).
 *
 * How many files of a lane run at once is a function, asked whenever a file ends or `poke()` is
 * called: npm test (scripts/test-all.mjs) runs the device lane one file at a time beside lint,
 * typecheck and the unit tests and three at a time after them, and the browser lane three at a time
 * beside the device lane and four at a time once it is done.
 */
import { readdirSync } from 'node:fs';
import { runBuffered, status } from './buffered-child.mjs';
import { testLoader, testPath } from './test-entry.mjs';

/**
 * Device lane first (short files first, so that they run while lint and tsc hold the CPU; then the
 * longest first), then the browser lane: the farm files, then the longest first (measured wall times
 * of stop 22's run, so that the lane does not end on one long file), the short ones and the farm's companions last.
 */
const ORDER = [
  'bad-input', 'package-run', 'ios-xcuitest', 'harmonyos-driver', 'harmonyos-driver-install', 'harmonyos-session',
  'sim-android-session', 'android-violating', 'harmonyos-violating', 'harmonyos-compliant', 'ios-violating', 'android-compliant', 'ios-compliant',
  'farm-batch', 'farm-redis',
  'probes', 'audit-samples', 'framework-react-antd-ganbu', 'login-wall', 'probe-crash', 'framework-vant-izhengwu', 'secret-leak',
  'framework-jquery-wangge', 'framework-plainjs-minsheng', 'framework-uniapp-xuncha', 'probe-clipboard', 'replay',
  'settle-transitions', 'interrupt', 'password-screenshot', 'tap-listeners', 'chromium-start',
].map((name) => `${name}.test.ts`);

/**
 * Files that run alone in their lane: the farm files run several audits at once themselves (a batch on two
 * devices; farm-batch also, beside it, the single runs its verdicts are compared with), and `appium driver
 * install --source=local` runs the HarmonyOS driver's `prepare`, which rewrites drivers/appium-harmonyos-driver/build
 * while the other HarmonyOS files load it (a fresh-clone run met a half-written module there). Stop 22 tried farm-redis beside the other browser files: the machine
 * was 98-99 % busy in every minute, npm test took no less (476 s), and a tap's timing in probes.test.ts
 * stretched past its bound.
 */
export const ALONE_IN_LANE = new Set(['farm-batch', 'farm-redis', 'harmonyos-driver-install'].map((name) => `${name}.test.ts`));

/**
 * Light files that may run beside a file of ALONE_IN_LANE, one at a time: each drives one short
 * Chromium session or one cut-short run, no full audit. Beside the farm files alone, the machine was
 * 81 % busy (stop 22, /proc/stat by minute); these filled the gap instead of the lane's end. Not
 * settle-transitions: it asserts what settling sees within fixed windows, and beside farm-batch's four
 * audits a launch once took past its fixture's 5 s toast (the fixture now keeps its messages 20 s).
 */
export const COMPANIONS = new Set(['interrupt', 'password-screenshot', 'tap-listeners', 'chromium-start'].map((name) => `${name}.test.ts`));

/** Files that start no browser: their CPU is the doubles' and Appium's, mostly idle. */
const DEVICE_LANE = new Set([
  'android-violating', 'android-compliant', 'harmonyos-violating', 'harmonyos-compliant', 'harmonyos-session', 'harmonyos-driver',
  'harmonyos-driver-install', 'ios-violating', 'ios-compliant', 'ios-xcuitest', 'sim-android-session',
  'package-run', 'bad-input',
].map((name) => `${name}.test.ts`));

/** The e2e files of a lane ('devices', 'browsers', or undefined for both), in run order; `given` narrows them. */
export function laneFiles(lane, given = []) {
  const names = given.length ? given.map((f) => f.replace(/^test\/e2e\//, '')) : readdirSync('test/e2e').filter((f) => f.endsWith('.test.ts'));
  const rank = (f) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return names
    .filter((f) => lane === undefined || (lane === 'devices') === DEVICE_LANE.has(f))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The index in `queue` of the file to start now beside `running` (a set of names), or -1: at most `limit`
 * at once; a file of ALONE_IN_LANE starts only when nothing runs but at most one of COMPANIONS, and
 * beside it only one of COMPANIONS (the first queued) runs.
 */
export function nextToStart(queue, running, limit) {
  if (queue.length === 0 || running.size >= limit) return -1;
  if ([...running].some((f) => ALONE_IN_LANE.has(f))) {
    return running.size === 1 ? queue.findIndex((f) => COMPANIONS.has(f)) : -1;
  }
  const companionsOnly = [...running].every((f) => COMPANIONS.has(f));
  if (ALONE_IN_LANE.has(queue[0]) && !(companionsOnly && running.size <= 1)) return -1;
  return 0;
}

/** Runs `files` (names in test/e2e), each started when nextToStart says so. Resolves to one result per file. */
export function runFiles(files, { limit, started = Date.now(), label = 'e2e' }) {
  const queue = [...files];
  const results = [];
  const running = new Set();
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const seconds = (since) => Math.round((Date.now() - since) / 1000);

  function pump() {
    for (let i = nextToStart(queue, running, limit()); i >= 0; i = nextToStart(queue, running, limit())) void start(queue.splice(i, 1)[0]);
    if (queue.length === 0 && running.size === 0) finish(results);
  }

  async function start(file) {
    running.add(file);
    const began = Date.now();
    const result = await runBuffered(process.execPath, [...testLoader(), '--test', testPath(`test/e2e/${file}`)], { cpu: process.env.GOVAPP_E2E_CPU === '1' });
    running.delete(file);
    results.push({ file, ok: result.code === 0, seconds: seconds(began), cpuSeconds: result.cpuSeconds });
    process.stdout.write(`${result.output}\n── ${label} ${file}: ${status(result)}, ${seconds(began)} s, ended at ${seconds(started)} s\n`);
    pump();
  }

  queueMicrotask(pump);
  return { done, poke: pump };
}

/** One line per file, slowest first, and the failed ones named. */
export function summary(results) {
  const cpu = (r) => (r.cpuSeconds === undefined ? '' : `${String(Math.round(r.cpuSeconds)).padStart(5)} CPU-s`);
  const lines = [...results].sort((a, b) => b.seconds - a.seconds).map((r) => `  ${r.ok ? 'ok    ' : 'FAILED'} ${String(r.seconds).padStart(4)} s ${cpu(r)}  ${r.file}`);
  const total = results.reduce((sum, r) => sum + (r.cpuSeconds ?? 0), 0);
  if (results.some((r) => r.cpuSeconds !== undefined)) lines.push(`  total ${Math.round(total)} CPU-s (GNU time: each file and the processes it waited for)`);
  return lines.join('\n');
}
