/**
 * A stand-in for `govapp-audit run` in farm tests: takes the same arguments, says it explores (a
 * progress line), waits FAKE_AUDIT_MS (default 1500), then writes a complete verdict.json whose
 * outcome follows the app's folder name (…-fail → fail, else pass) and exits as `run` would.
 * Each start is appended to <FAKE_AUDIT_LOG> (one line: out dir), so a test can count starts.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = option('--out');
const app = option('--app') ?? '';
if (!out) {
  process.stderr.write('govapp-audit: fake child needs --out\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const startedAt = new Date().toISOString();
if (process.env.FAKE_AUDIT_LOG) appendFileSync(process.env.FAKE_AUDIT_LOG, `${out}\n`);
appendFileSync(join(out, 'progress.jsonl'), JSON.stringify({ phase: 'exploring', screens: 1, actions: 1, at: Date.now() }) + '\n');
const outcome = basename(app).endsWith('-fail') ? 'fail' : 'pass';
setTimeout(() => {
  const verdict = { outcome, complete: true, startedAt, finishedAt: new Date().toISOString(), device: option('--device'), checks: [{ id: 'forced-check-in', outcome, findings: outcome === 'fail' ? [{ id: 'fake-finding' }] : [] }] };
  writeFileSync(join(out, 'verdict.json'), JSON.stringify(verdict));
  process.exit(outcome === 'pass' ? 0 : 1);
}, Number(process.env.FAKE_AUDIT_MS ?? 1500));
