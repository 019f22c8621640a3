/**
 * npm run bench:audit — where an audit's time goes: audits each bundled H5 sample (samples/* with an
 * index.html) with the real CLI N times, one audit at a time, and prints the median of each phase of
 * verdict.json's `timings` (src/runner/phase-timings.ts) per app, the median wall time, and whether
 * every check's outcome was the same in every run (a speed-up must not change the verdict).
 * Each audit takes `flock /tmp/govapp-audit-e2e.lock` itself (others get the CPU between audits):
 * do not wrap this script in that lock too (pass --no-lock if you already hold it).
 *   npm run bench:audit [-- --runs 3 --apps zhangshang-zhengwu,login-wall --budget 60 --no-report --keep]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTimingsTable } from '../src/cli/timings-table.js';
import { PROJECT_ROOT, SAMPLES_DIR } from '../src/core/paths.js';
import type { PhaseTimings } from '../src/runner/phase-timings.js';
import type { Verdict } from '../src/verdict/verdict.js';

const LOCK = '/tmp/govapp-audit-e2e.lock';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' }, apps: { type: 'string' }, budget: { type: 'string' },
    'no-report': { type: 'boolean', default: false }, 'no-lock': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false },
  },
});

/** The bundled H5 samples (a folder with an index.html), by name. */
function h5Samples(): Map<string, string> {
  const apps = new Map<string, string>();
  for (const name of readdirSync(SAMPLES_DIR).sort()) if (existsSync(join(SAMPLES_DIR, name, 'index.html'))) apps.set(name, join(SAMPLES_DIR, name));
  return apps;
}

/** Runs one audit (under the e2e lock unless --no-lock); resolves to its verdict, if it wrote one. */
async function audit(folder: string, out: string): Promise<{ verdict?: Verdict; wallMs: number }> {
  const account = join(folder, 'test-account.json');
  const cli = [
    process.execPath, join(PROJECT_ROOT, 'bin', 'govapp-audit.js'), 'run', '--app', folder, '--out', out,
    ...(values.budget ? ['--budget', values.budget] : []), ...(values['no-report'] ? ['--no-report'] : []),
    ...(existsSync(account) ? ['--credentials', account] : []),
  ];
  const [command, ...args] = values['no-lock'] ? cli : ['flock', LOCK, ...cli];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(command!, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (c) => {
      if (c !== 0 && c !== 1 && c !== 2) process.stderr.write(stderr);
      resolve(c);
    });
  });
  const file = join(out, 'verdict.json');
  const verdict = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Verdict) : undefined;
  void code;
  return { ...(verdict ? { verdict } : {}), wallMs: verdict?.timings?.total ?? 0 };
}

/** Median of each phase over the runs (a phase missing in a run is left out of that phase's median). */
export function medianTimings(runs: readonly PhaseTimings[]): PhaseTimings {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(names.map((n) => [n, median(runs.flatMap((r) => (r[n] === undefined ? [] : [r[n]])))]));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** Check id → outcome, joined to compare runs. */
function outcomesKey(v: Verdict): string {
  return v.checks.map((c) => `${c.id}=${c.outcome}`).join(' ');
}

const known = h5Samples();
const names = values.apps?.split(',').map((a) => a.trim()) ?? [...known.keys()];
const unknown = names.filter((n) => !known.has(n));
const runs = Number(values.runs);
if (unknown.length > 0 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(unknown.length > 0 ? `unknown app(s): ${unknown.join(', ')}; H5 samples: ${[...known.keys()].join(', ')}\n` : `--runs must be a positive integer, got "${values.runs}"\n`);
  process.exit(2);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();
const columns: { title: string; timings: PhaseTimings }[] = [];
const notes: string[] = [];
for (const name of names) {
  const timings: PhaseTimings[] = [];
  const outcomes = new Set<string>();
  for (let i = 1; i <= runs; i++) {
    const out = mkdtempSync(join(tmpdir(), `bench-audit-${name}-`));
    const { verdict, wallMs } = await audit(known.get(name)!, out);
    process.stderr.write(`${name} #${i}: ${verdict ? `${verdict.outcome}, ${(wallMs / 1000).toFixed(1)} s` : 'no verdict.json'} (load ${load()})${values.keep ? ` ${out}` : ''}\n`);
    if (verdict?.timings) timings.push(verdict.timings);
    if (verdict) outcomes.add(outcomesKey(verdict));
    if (!values.keep) rmSync(out, { recursive: true, force: true });
  }
  if (timings.length > 0) columns.push({ title: name, timings: medianTimings(timings) });
  notes.push(`${name}: ${timings.length}/${runs} runs with timings; check outcomes ${outcomes.size === 1 ? 'identical in every run' : `DIFFER between runs (${outcomes.size} variants)`}`);
}

process.stdout.write(`Median of ${runs} run(s) per phase (each phase's own median: the rows need not add up to 合计). Load average before: ${loadBefore}, after: ${load()}.\n\n`);
process.stdout.write(formatTimingsTable(columns) + '\n\n' + notes.join('\n') + '\n');
