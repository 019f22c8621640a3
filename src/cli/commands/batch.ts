/** `govapp-audit batch <manifest> --inventory <file> [--out <dir>] [--redis <url>]`. */
import { parseArgs } from 'node:util';
import { AuditError } from '../../core/errors.js';
import { runBatch } from '../../farm/batch-command.js';

/** Runs the command; resolves to the exit code. */
export async function batchCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { inventory: { type: 'string' }, out: { type: 'string' }, redis: { type: 'string' }, debug: { type: 'boolean' } } });
  } catch (error) {
    throw new AuditError('usage', `${(error as Error).message.split('\n')[0]} (see govapp-audit --help).`);
  }
  const [manifest, ...extra] = parsed.positionals;
  if (!manifest || extra.length > 0) throw new AuditError('usage', 'govapp-audit batch takes one manifest file, e.g. govapp-audit batch samples/batch.json --inventory devices/inventory.example.json --out reports/batch-1.');
  const v = parsed.values;
  const result = await runBatch({ manifest, ...(v.inventory ? { inventory: v.inventory } : {}), ...(v.out ? { out: v.out } : {}), ...(v.redis ? { redis: v.redis } : {}) }, process.stderr);
  const t = result.summary.totals;
  process.stdout.write([
    '',
    `批量审计：${t.audits} 次审计（${t.submissions} 个提交）：通过 ${t.pass}，不通过 ${t.fail}，无法判定 ${t.inconclusive}，未能审计 ${t.error}${t.pending ? `，未完成 ${t.pending}` : ''}`,
    ...result.summary.compatibility.filter((r) => !r.consistent).map((r) => `兼容性差异：${r.submission} 在 ${r.classes.join(' / ')} 上 ${r.differences.length} 项检查结论不同`),
    `summary: ${result.json}`,
    `page:    ${result.html}`,
  ].join('\n') + '\n');
  return result.exitCode;
}
