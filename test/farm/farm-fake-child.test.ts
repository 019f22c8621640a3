/**
 * The farm's kill, resume, requeue and Redis-restart logic through the real CLI processes (`batch`,
 * `worker`), with a fake audit child (test/helpers/fake-audit-child.js, via GOVAPP_AUDIT_FARM_CHILD)
 * instead of Chromium: fast and deterministic. The e2e files keep one real kill of each kind.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { CLI_ENTRY } from '../../src/farm/audit-child.js';
import { batchState, readJournal } from '../../src/farm/journal.js';
import { assertValidSummary } from '../../src/farm/write-summary.js';
import { freePort } from '../../src/runner/ports.js';
import { startRedis, type PrivateRedis } from '../helpers/redis-server.js';

const FAKE_CHILD = join(PROJECT_ROOT, 'test', 'helpers', 'fake-audit-child.js');

interface Group { child: ChildProcess; done: Promise<number | null> }
const groups: ChildProcess[] = [];

function start(args: string[], log: string, env: Record<string, string>): Group {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')], env: { ...process.env, GOVAPP_AUDIT_FARM_CHILD: FAKE_CHILD, FORCE_COLOR: '0', ...env } });
  groups.push(child);
  return { child, done: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Three apps (one failing) on two classes for the first: four audits. */
function fixture(prefix: string): { dir: string; manifest: string; inventory: (name: string, n: number) => Promise<string>; keys: string[]; starts: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), `farm-fake-${prefix}-`));
  for (const app of ['a-fail', 'b', 'c']) {
    mkdirSync(join(dir, 'apps', app), { recursive: true });
    writeFileSync(join(dir, 'apps', app, 'index.html'), '<!doctype html><title>x</title>');
  }
  const manifest = join(dir, 'batch.json');
  writeFileSync(manifest, JSON.stringify({ name: 'fake', defaults: { budget: 5, report: false }, submissions: [
    { id: 'a', app: 'apps/a-fail', deviceClasses: ['pixel-7', 'small-phone'] }, { id: 'b', app: 'apps/b' }, { id: 'c', app: 'apps/c' },
  ] }));
  const inventory = async (name: string, n: number) => {
    const devices = [];
    for (let i = 1; i <= n; i++) devices.push({ id: `${name}${i}`, platform: 'h5', profile: 'pixel-7', udid: `${name}-${i}`, host: '127.0.0.1', ports: { appium: await freePort() } });
    const file = join(dir, `inventory-${name}.json`);
    writeFileSync(file, JSON.stringify({ devices }));
    return file;
  };
  const startsLog = join(dir, 'starts.log');
  const starts = () => (existsSync(startsLog) ? readFileSync(startsLog, 'utf8').split('\n').filter(Boolean) : []);
  return { dir, manifest, inventory, keys: ['a@pixel-7', 'a@small-phone', 'b@pixel-7', 'c@pixel-7'], starts };
}

const exploring = (auditOut: string) => existsSync(join(auditOut, 'progress.jsonl'));
const startsOf = (starts: string[], key: string) => starts.filter((s) => s.endsWith(`/audits/${key}`)).length;

describe('farm kills and restarts with a fake audit child', () => {
  let redis: PrivateRedis | undefined;
  after(async () => {
    for (const c of groups) try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* gone */ }
    await redis?.stop();
  });

  it('a local batch SIGKILLed mid-audit resumes: finished audits kept, cut ones redone, none lost or done twice', async () => {
    const f = fixture('local');
    const out = join(f.dir, 'out');
    const args = ['batch', f.manifest, '--inventory', await f.inventory('d', 2), '--out', out];
    const env = { FAKE_AUDIT_LOG: join(f.dir, 'starts.log'), FAKE_AUDIT_MS: '1500' };
    const first = start(args, join(f.dir, 'first.log'), env);
    await waitFor(() => {
      const s = batchState(readJournal(out));
      return s.done.size >= 1 && [...s.cut].some((k) => exploring(join(out, 'audits', k)));
    }, 30_000, 'one audit done, another running');
    process.kill(-first.child.pid!, 'SIGKILL');
    const killedAt = Date.now();
    await first.done;
    const before = batchState(readJournal(out));
    const startsBefore = f.starts();
    assert.ok(before.cut.size >= 1 && before.done.size >= 1);

    const resumed = start(args, join(f.dir, 'resume.log'), env);
    assert.equal(await resumed.done, 1, readFileSync(join(f.dir, 'resume.log'), 'utf8'));
    const entries = readJournal(out);
    for (const key of f.keys) assert.equal(entries.filter((e) => e.type === 'done' && e.audit === key).length, 1, `${key} done exactly once`);
    for (const key of before.done.keys()) assert.equal(startsOf(f.starts(), key), startsOf(startsBefore, key), `${key} not redone`);
    for (const key of before.cut) {
      const redone = startsOf(f.starts(), key) - startsOf(startsBefore, key);
      // A cut audit is redone once, unless its child wrote a complete verdict just before the kill (kept).
      const finishedBeforeKill = (JSON.parse(readFileSync(join(out, 'audits', key, 'verdict.json'), 'utf8')) as { finishedAt: string }).finishedAt < new Date(killedAt).toISOString() && redone === 0;
      assert.ok(redone === 1 || finishedBeforeKill, `${key} cut mid-way was redone once (${redone})`);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as unknown;
    assertValidSummary(summary);
    assert.deepEqual(summary.totals, { submissions: 3, audits: 4, pass: 2, fail: 2, inconclusive: 0, error: 0, pending: 0 });
  });

  it('through Redis: a worker SIGKILLed mid-audit and a Redis restart lose nothing; the audit is redone elsewhere', async () => {
    const f = fixture('redis');
    const out = join(f.dir, 'shared-out');
    redis = await startRedis();
    const url = redis.url;
    const log = join(f.dir, 'starts.log');
    const inv1 = await f.inventory('w1-', 1);
    // Worker 1's audits never finish by themselves: it is killed during its first one.
    const w1 = start(['worker', '--redis', url, '--inventory', inv1], join(f.dir, 'w1.log'), { FAKE_AUDIT_LOG: log, FAKE_AUDIT_MS: '600000' });
    start(['worker', '--redis', url, '--inventory', await f.inventory('w2-', 1)], join(f.dir, 'w2.log'), { FAKE_AUDIT_LOG: log, FAKE_AUDIT_MS: '800' });
    const batch = start(['batch', f.manifest, '--redis', url, '--out', out], join(f.dir, 'batch.log'), {});
    const w1Log = () => (existsSync(join(f.dir, 'w1.log')) ? readFileSync(join(f.dir, 'w1.log'), 'utf8') : '');
    await waitFor(() => /设备 w1-1 开始 (\S+)（/.test(w1Log()), 30_000, 'worker 1 to start an audit');
    const killed = /设备 w1-1 开始 (\S+)（/.exec(w1Log())![1]!;
    await waitFor(() => exploring(join(out, 'audits', killed)), 10_000, `${killed} to run on worker 1`);
    process.kill(-w1.child.pid!, 'SIGKILL');
    await w1.done;
    await redis.stop();
    await redis.restart();
    start(['worker', '--redis', url, '--inventory', inv1], join(f.dir, 'w1-again.log'), { FAKE_AUDIT_LOG: log, FAKE_AUDIT_MS: '800' });

    assert.equal(await batch.done, 1, readFileSync(join(f.dir, 'batch.log'), 'utf8'));
    const entries = readJournal(out);
    for (const key of f.keys) assert.equal(entries.filter((e) => e.type === 'done' && e.audit === key).length, 1, `${key} done exactly once`);
    assert.equal(startsOf(f.starts(), killed), 2, `${killed} started on worker 1, redone once after the kill`);
    for (const key of f.keys.filter((k) => k !== killed)) assert.equal(startsOf(f.starts(), key), 1, `${key} ran once`);
    assert.equal(batchState(entries).done.get(killed)?.complete, true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as unknown;
    assertValidSummary(summary);
    assert.deepEqual(summary.totals, { submissions: 3, audits: 4, pass: 2, fail: 2, inconclusive: 0, error: 0, pending: 0 });
  });
});
