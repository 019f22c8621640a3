/** `govapp-audit inspect <package> [--json]`: static facts of a submitted package. */
import { AuditError } from '../../core/errors.js';

/** Prints the package facts; resolves to the exit code. */
export async function inspectCommand(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) throw new AuditError('usage', 'govapp-audit inspect needs a package file (.apk, .hap, .app, .ipa).');
  const { inspectPackage, renderInspectText } = await import('../../package/index.js');
  const facts = await inspectPackage(file);
  process.stdout.write(argv.includes('--json') ? JSON.stringify(facts, null, 2) + '\n' : renderInspectText(facts) + '\n');
  return 0;
}
