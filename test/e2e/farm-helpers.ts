/** Shared pieces of the farm e2e tests: inventories on free ports, a small manifest, single-run baselines. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import pLimit from 'p-limit';
import { PROJECT_ROOT, SAMPLES_DIR } from '../../src/core/paths.js';
import type { CheckOutcome } from '../../src/checks/result.js';
import type { InventoryDevice } from '../../src/devices/inventory.js';
import { runArguments } from '../../src/farm/audit-child.js';
import type { PlannedAudit } from '../../src/farm/manifest.js';
import { freePort } from '../../src/runner/ports.js';
import { overallOutcome } from '../../src/verdict/verdict.js';
import { CLI } from './run-cli.js';
import { sharedAudit } from './shared-audit.js';

export interface VerdictLike {
  outcome: string;
  complete: boolean;
  finishedAt: string;
  checks: { id: string; outcome: CheckOutcome }[];
}

const FIXTURE_APPS = join(PROJECT_ROOT, 'test', 'fixtures', 'probe-apps');

/** Checks whose outcome rests on timings, which two Chromiums sharing two cores may move. */
export const TIMING_CHECKS = new Set(['performance']);

/** An inventory of `n` H5 slots on free loopback ports. */
export async function h5Inventory(prefix: string, n: number, dir: string, avoid: readonly number[] = []): Promise<{ file: string; devices: InventoryDevice[] }> {
  const devices: InventoryDevice[] = [];
  // freePort() binds port 0 and lets it go, so two calls may name the same port (a fresh-clone run met the
  // broken device's port given to a slot): every port of the inventory is distinct, and none is in `avoid`.
  const taken = new Set(avoid);
  const distinctPort = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
  for (let i = 1; i <= n; i++) {
    devices.push({ id: `${prefix}${i}`, platform: 'h5', profile: 'pixel-7', udid: `${prefix}-slot-${i}`, host: '127.0.0.1', ports: { appium: await distinctPort(), chromedriverPort: await distinctPort() } });
  }
  const file = join(dir, `inventory-${prefix}.json`);
  writeFileSync(file, JSON.stringify({ devices }, null, 2));
  return { file, devices };
}

/**
 * The batch both farm e2e files run (the same audits, so their single-run baselines are shared): two
 * of the tiny probe fixtures, one on two device classes (the compatibility matrix), 3 audits at
 * budget 40 (each explores completely in about 20 s). The farm is under test here, not the apps:
 * the bundled samples cost twice as much per audit and test/e2e/audit-samples.test.ts audits them.
 * Both fail (the batch exits 1). `report` asks one Allure report.
 */
export function farmSubmissions(report: boolean): object[] {
  return [
    { id: 'heartbeat-trajectory', app: join(FIXTURE_APPS, 'heartbeat-trajectory'), deviceClasses: ['pixel-7', 'small-phone'] },
    { id: 'clean-twin', app: join(FIXTURE_APPS, 'clean-twin'), report },
  ];
}

/**
 * `run` arguments (no --out) of a fixture audited alone as the farm's single runs audit it (budget 40,
 * no report): probes.test.ts uses them too, so the fixture is audited once for all three files.
 */
export function fixtureRunArguments(app: string, deviceClass = 'pixel-7'): string[] {
  return ['--app', join(FIXTURE_APPS, app), '--device', deviceClass, '--budget', '40', '--no-report'];
}

/** A manifest of submissions whose `app` is a bundled sample's name or an absolute path. */
export function writeManifest(dir: string, submissions: object[], defaults: object = { budget: 40, report: false }): string {
  const file = join(dir, 'batch.json');
  const resolve = (app: string) => (isAbsolute(app) ? app : join(SAMPLES_DIR, app));
  writeFileSync(file, JSON.stringify({ name: 'e2e 批次', defaults, submissions: submissions.map((s) => ({ ...s, app: resolve((s as { app: string }).app) })) }, null, 2));
  return file;
}

/** Starts a CLI command in its own process group (so the test can kill the whole group), output to a file. */
export function startGroup(args: string[], logFile: string): { child: ChildProcess; done: Promise<number | null> } {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', log, log] });
  const done = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, done };
}

/** Polls until `predicate` holds. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Reads a verdict.json. */
export function readVerdict(dir: string): VerdictLike {
  return JSON.parse(readFileSync(join(dir, 'verdict.json'), 'utf8')) as VerdictLike;
}

/**
 * Per-check outcomes, timing checks left out, and the overall outcome as those checks give it: a
 * performance fail measured while two Chromiums shared two cores moves the recorded overall outcome
 * (stop 18's CI: the compliant sample 'fail' in the batch, 'inconclusive' alone) without any other
 * check differing.
 */
export function comparable(v: VerdictLike): Record<string, string> {
  const checks = v.checks.filter((c) => !TIMING_CHECKS.has(c.id));
  const pairs: [string, string][] = [['overall', overallOutcome(checks, !v.complete)], ...checks.map((c): [string, string] => [c.id, c.outcome])];
  return Object.fromEntries(pairs);
}

/** The `run` arguments of an audit as a single run: no device ports (the run picks free ones), no out dir, no report. */
export function singleRunArguments(audit: PlannedAudit): string[] {
  const device: InventoryDevice = { id: 'single', platform: 'h5', profile: audit.deviceClass, udid: 'single', host: '127.0.0.1', ports: { appium: 0 } };
  const args = runArguments({ ...audit, report: false }, device, '<out>').slice(1);
  for (const option of ['--out', '--appium-port']) args.splice(args.indexOf(option), 2);
  return args;
}

/**
 * Runs each audit alone, as `govapp-audit run` would, and returns its verdict by key. The runs go
 * through shared-audit.ts: one run per options and source tree, so farm-batch and farm-redis (the
 * same audits) pay for them once. Two run at once, as the batch itself runs them on two devices.
 */
export async function singleRuns(audits: readonly PlannedAudit[]): Promise<Map<string, VerdictLike>> {
  const limit = pLimit(2);
  const verdicts = await Promise.all(audits.map((audit) => limit(async () => {
    const { out, result } = await sharedAudit(`farm-single-${audit.key.replace(/[^\w-]+/g, '-')}`, singleRunArguments(audit));
    if (result.code === null || result.code > 2) throw new Error(`single run of ${audit.key} failed: ${result.stderr}`);
    return [audit.key, readVerdict(out)] as const;
  })));
  return new Map(verdicts);
}

/**
 * True while the audit is mid-way: its run has explored its first screen (its Chromium session is live) and has not
 * written its verdict yet. A tiny fixture explores for 2 s: a run that got as far as its verdict is finished, and a
 * batch killed then keeps it (local-batch.ts recoverFinished) instead of redoing it.
 */
export function exploring(auditOut: string): boolean {
  const file = join(auditOut, 'progress.jsonl');
  return existsSync(file) && /"phase":"exploring","screens":[1-9]/.test(readFileSync(file, 'utf8')) && !existsSync(join(auditOut, 'verdict.json'));
}
