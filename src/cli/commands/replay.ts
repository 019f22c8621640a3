/** `govapp-audit replay <out-dir> --finding <n> [--credentials <file.json>]`: reproduce one finding of a run. */
import { parseArgs } from 'node:util';
import { AuditError } from '../../core/errors.js';

/** Replays the finding and prints the outcome; resolves to 0 reproduced, 1 not reproduced, 2 could not replay. */
export async function replayCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { finding: { type: 'string' }, credentials: { type: 'string' }, debug: { type: 'boolean' } } });
  } catch (error) {
    throw new AuditError('usage', `${(error as Error).message.split('\n')[0]} (see govapp-audit --help).`);
  }
  const outDir = parsed.positionals[0];
  const n = Number(parsed.values.finding);
  if (!outDir || !Number.isInteger(n) || n < 1) {
    throw new AuditError('usage', 'govapp-audit replay needs a run folder and a finding number, e.g. govapp-audit replay reports/audit-1 --finding 2.');
  }
  const { replayFinding } = await import('../../runner/replay.js');
  const result = await replayFinding({ outDir, finding: n, ...(parsed.values.credentials ? { credentials: parsed.values.credentials } : {}) });
  const lines = [
    `finding ${n} (${result.check}): ${result.finding.summary}`,
    `path: ${(result.finding.steps ?? []).map((s) => s.label).join(' → ') || '(none)'}`,
    `${['reproduced', 'not reproduced', 'could not replay'][result.exitCode]}: ${result.message}`,
    ...(result.screenshot ? [`screenshot: ${result.screenshot}`] : []),
    ...(result.resultFile ? [`result: ${result.resultFile}`] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return result.exitCode;
}
