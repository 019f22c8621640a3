/**
 * One audit shared by e2e files that assert different things about the same run (same app, same
 * options): the first file to ask runs it, the next ones get a copy of its output folder. The cache
 * lives in os.tmpdir() under a key of the options and the source tree (commit + uncommitted
 * changes), so a code change always re-audits; GOVAPP_E2E_FRESH=1 re-audits regardless. Only a run
 * that finished (verdict.json written, no RUNNING marker) is kept. Each caller gets its own copy:
 * replays and edits of one file never reach another's. E2E files run two at a time: a lock per key
 * (a directory made atomically, with the holder's pid) makes the second caller wait for the first
 * caller's audit instead of running it again or replacing the cache under its copy.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { runCli, type CliResult } from './run-cli.js';

const CACHE_ROOT = join(tmpdir(), 'govapp-audit-e2e-cache');

/** The default demo (the violating sample) as audit-samples.test.ts and replay.test.ts audit it: with the report. */
export const DEFAULT_DEMO_ARGS = ['--budget', '150'] as const;

/** The source tree's identity: HEAD and every uncommitted change (tracked and untracked). */
export function sourceTreeKey(root = PROJECT_ROOT): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  const hash = createHash('sha256').update(git('rev-parse', 'HEAD')).update(git('diff', 'HEAD', '--binary'));
  for (const file of git('ls-files', '--others', '--exclude-standard', '-z').toString().split('\0').filter(Boolean).sort()) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

/** Runs `govapp-audit run <args> --out <dir>` once per source tree and options; resolves to a private copy of its output. */
export async function sharedAudit(name: string, args: readonly string[]): Promise<{ out: string; result: CliResult; reused: boolean }> {
  // Keyed by the options alone (`name` only labels the copies): callers that ask the same audit under
  // different names (farm single runs, probes.test.ts on the same fixture) share it. And by the checkout's
  // path: a run names its app by absolute path (replay serves it from there), so two clones of the same commit
  // must not share one (a CI clone once got the run of a removed clone, and its replays found no app).
  const key = createHash('sha256').update(JSON.stringify(args)).update(PROJECT_ROOT).update(sourceTreeKey()).digest('hex').slice(0, 16);
  const cached = join(CACHE_ROOT, `audit-${key}`);
  mkdirSync(CACHE_ROOT, { recursive: true });
  const release = await lockKey(`${cached}.lock`);
  try {
    return await auditOrCopy(name, args, cached);
  } finally {
    release();
  }
}

/** Waits for the lock directory `dir` (taking over one whose holder died); resolves to its release. */
async function lockKey(dir: string): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(dir)) rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function holderAlive(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  } catch {
    // Made but the pid not yet written: alive, unless that was long ago (it died in between).
    try { return Date.now() - statSync(dir).mtimeMs < 10_000; } catch { return false; }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function auditOrCopy(name: string, args: readonly string[], cached: string): Promise<{ out: string; result: CliResult; reused: boolean }> {
  const reused = process.env.GOVAPP_E2E_FRESH !== '1' && existsSync(join(cached, 'result.json'));
  if (!reused) {
    mkdirSync(CACHE_ROOT, { recursive: true });
    const staging = mkdtempSync(join(CACHE_ROOT, `${name}-staging-`));
    const result = await runCli(['run', ...args, '--out', join(staging, 'out')]);
    const finished = existsSync(join(staging, 'out', 'verdict.json')) && !existsSync(join(staging, 'out', 'RUNNING'));
    if (!finished) return { out: join(staging, 'out'), result, reused: false };
    writeFileSync(join(staging, 'result.json'), JSON.stringify(result));
    rmSync(cached, { recursive: true, force: true });
    renameSync(staging, cached);
  }
  const out = mkdtempSync(join(tmpdir(), `e2e-${name}-`));
  cpSync(join(cached, 'out'), out, { recursive: true });
  return { out, result: JSON.parse(readFileSync(join(cached, 'result.json'), 'utf8')) as CliResult, reused };
}
