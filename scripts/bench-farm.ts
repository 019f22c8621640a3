/**
 * npm run bench:farm — the same sample audits on 1, 2 and 4 local H5 devices (Chromium slots), then
 * through Redis with two workers of one device each; prints wall time, audits/minute, the speed-up
 * against 1 device in the same run, the peak memory per device (RSS of its Appium, chromedriver,
 * Chromium and `run` processes), and whether every verdict matches the 1-device run (audits one at a
 * time: single runs). Not a timed test: it measures. Heavy: run it under the e2e lock.
 *   npm run bench:farm [-- --budget 45 --apps zhangshang-zhengwu,bianmin-fuwu,vant-izhengwu,plainjs-minsheng --devices 1,2,4]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/core/paths.js';
import type { InventoryDevice } from '../src/devices/inventory.js';
import { deviceScratchRoot } from '../src/farm/device-health.js';
import { comparable, h5Inventory, readVerdict, writeManifest } from '../test/e2e/farm-helpers.js';
import { startRedis } from '../test/helpers/redis-server.js';

const { values } = parseArgs({ options: {
  budget: { type: 'string', default: '45' },
  apps: { type: 'string', default: 'zhangshang-zhengwu,bianmin-fuwu,vant-izhengwu,plainjs-minsheng' },
  devices: { type: 'string', default: '1,2,4' },
  redis: { type: 'boolean', default: true },
} });
const apps = values.apps.split(',');
const CLI = join(PROJECT_ROOT, 'bin', 'govapp-audit.js');

interface Row { setup: string; devices: number; seconds: number; perMinute: number; memoryMb: number; cpuPct: number; verdicts: Record<string, Record<string, string>> }

/** Sums RSS (kB) of the processes whose command line holds any of the markers. */
function rssKb(markers: string[]): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!markers.some((m) => cmd.includes(m))) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0);
    } catch { /* exited */ }
  }
  return total;
}

/** CPU jiffies used by the whole machine (busy, total). */
function cpuTimes(): { busy: number; total: number } {
  const parts = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (parts[3] ?? 0) + (parts[4] ?? 0);
  const total = parts.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Runs one command to its end while sampling per-device memory; resolves to wall seconds, peak MB per device, CPU %. */
async function measured(args: string[], devices: InventoryDevice[], extra: Promise<unknown>[] = []): Promise<{ seconds: number; memoryMb: number; cpuPct: number }> {
  const markers = devices.map((d) => [deviceScratchRoot(d), `--appium-port ${d.ports.appium}`.replace(' ', '\0')]);
  const peaks = devices.map(() => 0);
  const cpu0 = cpuTimes();
  const started = Date.now();
  const timer = setInterval(() => markers.forEach((m, i) => (peaks[i] = Math.max(peaks[i]!, rssKb(m)))), 1000);
  const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] }).once('exit', resolve));
  clearInterval(timer);
  await Promise.all(extra);
  if (code === null || code > 2) throw new Error(`${args.join(' ')} exited ${String(code)}`);
  const cpu1 = cpuTimes();
  return { seconds: (Date.now() - started) / 1000, memoryMb: peaks.reduce((a, b) => a + b, 0) / peaks.length / 1024, cpuPct: (100 * (cpu1.busy - cpu0.busy)) / Math.max(1, cpu1.total - cpu0.total) };
}

function verdictsOf(out: string, keys: string[]): Row['verdicts'] {
  return Object.fromEntries(keys.map((k) => [k, comparable(readVerdict(join(out, 'audits', k)))]));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-farm-'));
  const manifest = writeManifest(dir, apps.map((app) => ({ id: app, app })), { budget: Number(values.budget), report: false });
  const keys = apps.map((a) => `${a}@pixel-7`);
  const rows: Row[] = [];
  for (const n of values.devices.split(',').map(Number)) {
    const { file, devices } = await h5Inventory(`b${n}x`, n, dir);
    const out = join(dir, `local-${n}`);
    process.stderr.write(`\n== ${n} local device(s)\n`);
    const m = await measured(['batch', manifest, '--inventory', file, '--out', out], devices);
    rows.push({ setup: `本机 ${n} 台`, devices: n, ...m, perMinute: (apps.length * 60) / m.seconds, verdicts: verdictsOf(out, keys) });
  }
  if (values.redis) {
    process.stderr.write('\n== Redis, two workers of one device each\n');
    const redis = await startRedis();
    const a = await h5Inventory('rwa', 1, dir);
    const b = await h5Inventory('rwb', 1, dir);
    const workers = [a, b].map((inv) => spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--inventory', inv.file], { cwd: PROJECT_ROOT, stdio: 'ignore' }));
    const out = join(dir, 'redis-2');
    const m = await measured(['batch', manifest, '--redis', redis.url, '--out', out], [...a.devices, ...b.devices]);
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
    await redis.stop();
    rows.push({ setup: 'Redis 2 个 worker', devices: 2, ...m, perMinute: (apps.length * 60) / m.seconds, verdicts: verdictsOf(out, keys) });
  }
  const base = rows[0]!;
  const lines = [
    `\n${apps.length} audits (${apps.join(', ')}), budget ${values.budget} s, no Allure report; ${cpus().length} CPU cores; verdicts compared with the 1-device run (one audit at a time = single runs), timing check "performance" left out`,
    '| setup | devices | wall s | audits/min | speed-up vs 1 | ≥0.8×devices | peak RSS MB/device¹ | machine CPU % | verdicts = single runs |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const speedUp = base.seconds / r.seconds;
    const same = keys.filter((k) => JSON.stringify(r.verdicts[k]) !== JSON.stringify(base.verdicts[k]));
    lines.push(`| ${r.setup} | ${r.devices} | ${r.seconds.toFixed(0)} | ${r.perMinute.toFixed(2)} | ${speedUp.toFixed(2)} | ${speedUp >= 0.8 * r.devices ? 'yes' : 'no'} | ${r.memoryMb.toFixed(0)} | ${r.cpuPct.toFixed(0)} | ${same.length === 0 ? 'yes' : `no: ${same.join(', ')}`} |`);
  }
  lines.push('¹ sum of VmRSS of the device\'s Appium, chromedriver, Chromium and `run` processes at its peak; pages shared between processes are counted once per process, so an upper bound.');
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
