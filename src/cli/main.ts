/**
 * govapp-audit command line. Bad input or a broken environment: one sentence and exit 2
 * (the stack only with --debug). A finished audit exits 0 pass, 1 fail, 2 inconclusive.
 */
import { isAuditError } from '../core/errors.js';
import { generateAllureReport } from '../report/allure-report.js';
import { runAudit } from '../runner/run-audit.js';
import { parseRunArgs, USAGE } from './args.js';
import { progressDisplay } from './progress-display.js';
import { formatRunSummary } from './summary.js';
import { formatTimingsTable } from './timings-table.js';
import { AuditError } from '../core/errors.js';
import { sweepActiveRuns } from '../runner/process-sweep.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run': {
      const display = progressDisplay(process.stderr);
      display.phase('govapp-audit：开始审计');
      const args = parseRunArgs(rest.filter((a) => a !== '--debug'));
      const outcome = await runAudit(args, display);
      display.end();
      process.stdout.write(formatRunSummary(outcome) + '\n');
      if (args.timings && outcome.verdict.timings) process.stdout.write('\n各阶段耗时：\n' + formatTimingsTable([{ title: '耗时', timings: outcome.verdict.timings }]) + '\n');
      return outcome.exitCode;
    }
    case 'report': {
      const out = rest.find((a) => !a.startsWith('--'));
      if (!out) throw new AuditError('usage', 'govapp-audit report needs the output folder of a run, e.g. govapp-audit report reports/audit-1.');
      process.stdout.write(`report: ${await generateAllureReport(out)}\n`);
      return 0;
    }
    case 'inspect': {
      const { inspectCommand } = await import('./commands/inspect.js');
      return inspectCommand(rest);
    }
    case 'batch': {
      const { batchCommand } = await import('./commands/batch.js');
      return batchCommand(rest);
    }
    case 'worker': {
      const { workerCommand } = await import('./commands/worker.js');
      return workerCommand(rest);
    }
    case 'replay': {
      const { replayCommand } = await import('./commands/replay.js');
      return replayCommand(rest);
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    default:
      throw new AuditError('usage', `Unknown command "${command}"; use run, batch, worker, report, inspect or replay (see govapp-audit --help).`);
  }
}

const debug = process.argv.includes('--debug');
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(process.argv.slice(2)).then((code) => exit(code), fail);

/** Prints one sentence for any error that ends the command, and exits 2. */
function fail(error: unknown): void {
  void sweepActiveRuns().finally(() => {
    if (isAuditError(error)) {
      process.stderr.write(`govapp-audit: ${error.message}\n`);
      if (debug && error.stack) process.stderr.write(error.stack + '\n');
    } else {
      process.stderr.write(`govapp-audit: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (rerun with --debug for details).\n`);
      if (debug && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    }
    exit(2);
  });
}

/** Exits explicitly: an exit hook would otherwise turn a quiet event loop into exit code 0. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}
