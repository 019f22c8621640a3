/**
 * node --import tsx scripts/bench-snapshot.ts [-- --runs 20] — time of one DOM snapshot (the page
 * script alone, measured in the page; and the WebDriver round trip) on the bundled sample
 * zhangshang-zhengwu and on a 1000-element page, and of observe() (settle + snapshot) on the
 * quiet page, through Appium 3 + Chromium. Not a test: it measures.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DEVICE, PROJECT_ROOT, SAMPLES_DIR } from '../src/core/paths.js';
import { loadDeviceProfile } from '../src/devices/profile.js';
import { H5Session } from '../src/platforms/h5/h5-session.js';
import { SNAPSHOT_SCRIPT } from '../src/platforms/h5/page-scripts.js';
import { startUrlDevice as startH5Device } from '../src/runner/standalone-device.js';
import { serveFolder } from '../src/runner/sample-server.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const pages = [
  { name: 'samples/zhangshang-zhengwu', dir: join(SAMPLES_DIR, 'zhangshang-zhengwu') },
  { name: 'tap-apps/big (~1000 elements)', dir: join(PROJECT_ROOT, 'test', 'fixtures', 'tap-apps', 'big') },
];
const TIMED = `var t = performance.now(); var r = (function () { ${SNAPSHOT_SCRIPT} })(); return [performance.now() - t, r.nodes.length, r.nodes.filter(function (n) { return n.clickable; }).length, r.nodes.filter(function (n) { return n.delegated; }).length];`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const first = await serveFolder(pages[0]!.dir);
const device = await startH5Device(loadDeviceProfile(DEFAULT_DEVICE), first.url);
await first.close();
try {
  for (const page of pages) {
    const server = await serveFolder(page.dir);
    try {
      const session = new H5Session(device.browser, server.url);
      await session.launch();
      const inPage: number[] = [];
      const roundTrip: number[] = [];
      let counts: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const [ms, ...rest] = await device.browser.execute<number[], []>(TIMED);
        roundTrip.push(performance.now() - started);
        inPage.push(ms!);
        counts = rest;
      }
      const observe: number[] = [];
      for (let i = 0; i < Math.min(runs, 10); i++) {
        const started = performance.now();
        await session.observe();
        observe.push(performance.now() - started);
      }
      process.stdout.write(`${page.name}: observe (settle + snapshot, quiet page) median ${median(observe).toFixed(0)} ms\n`);
      process.stdout.write(`${page.name}: nodes ${counts[0]}, clickable ${counts[1]}, delegated ${counts[2]}; snapshot in page median ${median(inPage).toFixed(1)} ms (max ${Math.max(...inPage).toFixed(1)}), round trip median ${median(roundTrip).toFixed(1)} ms, ${runs} runs\n`);
    } finally {
      await server.close();
    }
  }
} finally {
  await device.close();
}
