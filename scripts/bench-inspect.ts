/**
 * Benchmark of the package reader: for each real package, wall time and peak memory of
 * inspectPackage (each package in a fresh child process, so peaks do not accumulate), next to
 * `aapt dump badging` on the same file and the ratio.
 * Run: node --import tsx scripts/bench-inspect.ts [package...]
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PACKAGES = [
  'node_modules/android-apidemos/apks/ApiDemos-debug.apk',
  'node_modules/io.appium.settings/apks/settings_apk-debug.apk',
  'node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-v10.6.6.apk',
  'node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-debug-androidTest.apk',
];
const AAPT = '/usr/bin/aapt';
const RUNS = 3;

interface Measurement {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** Child mode: inspect one package RUNS times and print the best wall time and the peaks. */
async function child(file: string): Promise<void> {
  const { inspectPackage } = await import('../src/package/index.js');
  let peakHeap = 0;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await inspectPackage(file);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  clearInterval(timer);
  const result: Measurement = { ms: best, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / (1024 * 1024) };
  process.stdout.write(JSON.stringify(result));
}

function measureInspect(file: string): Measurement {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', file], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`inspect failed for ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measurement;
}

async function measureAapt(file: string): Promise<number | undefined> {
  if (!existsSync(AAPT)) return undefined;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await promisify(execFile)(AAPT, ['dump', 'badging', file], { maxBuffer: 64 * 1024 * 1024 });
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

async function main(): Promise<void> {
  const files = (process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_PACKAGES).map((p) => path.resolve(root, p));
  console.log(`inspectPackage vs aapt dump badging (best of ${RUNS}; peak RSS/heap of a fresh process per package)`);
  console.log(['package', 'size MB', 'inspect ms', 'peak RSS MB', 'peak heap MB', 'aapt ms', 'ratio'].join('\t'));
  for (const file of files) {
    const inspect = measureInspect(file);
    const aapt = await measureAapt(file);
    const ratio = aapt ? (inspect.ms / aapt).toFixed(1) : 'n/a';
    console.log([
      path.basename(file), (statSync(file).size / 1e6).toFixed(1), inspect.ms.toFixed(0), inspect.peakRssMb.toFixed(0),
      inspect.peakHeapMb.toFixed(0), aapt === undefined ? 'n/a (no aapt)' : aapt.toFixed(0), ratio,
    ].join('\t'));
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '');
else await main();
