/**
 * npm run bench:probes — audits each probe fixture app (test/fixtures/probe-apps) and each bundled
 * sample (samples/) with the real CLI (`--budget 30 --no-report`), one at a time, and prints two
 * markdown tables: the probe figures per app, and the probe-based checks' outcomes with the wall
 * time per audit. Not a timed test: it measures. Starts Chromium: run it under
 * `flock /tmp/govapp-audit-e2e.lock` on a shared host.
 *   npm run bench:probes [-- --apps clipboard-notify,login-wall --budget 30 --keep]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, SAMPLES_DIR } from '../src/core/paths.js';
import { readEvidenceBundle } from '../src/evidence/store.js';
import type { Verdict } from '../src/verdict/verdict.js';
import { FIGURE_COLUMNS, PROBE_CHECKS, figureRow, markdownTable, outcomeRow } from './bench-probe-figures.js';

const PROBE_APPS = join(PROJECT_ROOT, 'test', 'fixtures', 'probe-apps');
/** Probe fixtures with a login that accepts any account (as in test/e2e/probes.test.ts). */
const ANY_ACCOUNT_APPS = new Set(['login-daily', 'login-monthly']);

const { values } = parseArgs({ options: { apps: { type: 'string' }, budget: { type: 'string', default: '30' }, keep: { type: 'boolean', default: false } } });

/** Every probe fixture and sample folder with an index.html, by name. */
function allApps(): Map<string, string> {
  const apps = new Map<string, string>();
  for (const root of [PROBE_APPS, SAMPLES_DIR]) {
    for (const name of readdirSync(root).sort()) if (existsSync(join(root, name, 'index.html'))) apps.set(name, join(root, name));
  }
  return apps;
}

/** --credentials for apps behind a login: the sample's own account file, or a lab account for the login fixtures. */
function credentialArgs(name: string, folder: string): string[] {
  const own = join(folder, 'test-account.json');
  if (existsSync(own)) return ['--credentials', own];
  if (!ANY_ACCOUNT_APPS.has(name)) return [];
  const file = join(mkdtempSync(join(tmpdir(), 'bench-cred-')), 'account.json');
  writeFileSync(file, JSON.stringify({ username: 'lab-tester', password: 'Lab-Pass-2026' }));
  return ['--credentials', file];
}

function runAudit(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'govapp-audit.js'), ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0 && code !== 1 && code !== 2) process.stderr.write(stderr);
      resolve(code);
    });
  });
}

const known = allApps();
const names = values.apps?.split(',').map((a) => a.trim()) ?? [...known.keys()];
const unknown = names.filter((n) => !known.has(n));
if (unknown.length > 0) {
  process.stderr.write(`unknown app(s): ${unknown.join(', ')}; known: ${[...known.keys()].join(', ')}\n`);
  process.exit(2);
}

const figures: string[][] = [];
const outcomes: string[][] = [];
for (const name of names) {
  const folder = known.get(name)!;
  const out = mkdtempSync(join(tmpdir(), `bench-probes-${name}-`));
  const started = Date.now();
  const code = await runAudit(['run', '--app', folder, '--out', out, '--budget', values.budget, '--no-report', ...credentialArgs(name, folder)]);
  const wallMs = Date.now() - started;
  const verdictFile = join(out, 'verdict.json');
  const verdict = existsSync(verdictFile) ? (JSON.parse(readFileSync(verdictFile, 'utf8')) as Verdict) : undefined;
  figures.push(figureRow(name, readEvidenceBundle(out)));
  outcomes.push(outcomeRow(name, verdict, code, wallMs));
  process.stderr.write(`${name}: exit ${String(code)} in ${(wallMs / 1000).toFixed(0)} s${values.keep ? ` (${out})` : ''}\n`);
  if (!values.keep) rmSync(out, { recursive: true, force: true });
}

process.stdout.write(`## Probe figures (--budget ${values.budget})\n\n${markdownTable(FIGURE_COLUMNS, figures)}\n\n`);
process.stdout.write(`## Probe-based checks\n\n${markdownTable(['app', ...PROBE_CHECKS, 'verdict', 'exit', 'wall s'], outcomes)}\n`);
