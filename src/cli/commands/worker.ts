/** `govapp-audit worker --redis <url> --inventory <file>`: takes whole audits for this machine's devices. */
import { parseArgs } from 'node:util';
import { AuditError } from '../../core/errors.js';

/** Runs the worker until SIGTERM/SIGINT; resolves to the exit code. */
export async function workerCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { inventory: { type: 'string' }, redis: { type: 'string' }, debug: { type: 'boolean' } } });
  } catch (error) {
    throw new AuditError('usage', `${(error as Error).message.split('\n')[0]} (see govapp-audit --help).`);
  }
  const { redis, inventory } = parsed.values;
  if (!redis || !inventory) throw new AuditError('usage', 'govapp-audit worker needs --redis <url> and --inventory <file.json>, e.g. govapp-audit worker --redis redis://127.0.0.1:6379 --inventory devices/inventory.example.json.');
  const { runWorker } = await import('../../farm/redis/worker.js');
  return runWorker(redis, inventory, process.stderr);
}
