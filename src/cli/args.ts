/** Command-line parsing (node:util parseArgs), with one clear sentence for every mistake. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AuditError } from '../core/errors.js';
import type { RunArgs } from '../runner/run-audit.js';

export const USAGE = `Usage:
  govapp-audit run [--app <package-file|http(s)-url|app-folder>] [--device <profile-name|path.json>]
                   [--out <dir>] [--budget <seconds>] [--credentials <file.json>]
                   [--exempt <check-id>:<reason>]... [--appium-port <port>] [--max-actions <n>]
                   [--lexicon <file.json>] [--test-data <file.json>] [--chromedriver-port <port>] [--timings] [--debug]
  govapp-audit batch <manifest.json> --inventory <file.json> [--out <dir>] [--redis <url>]
      audits every submission of the manifest on the inventory's devices (resumable: run it again)
  govapp-audit worker --redis <url> --inventory <file.json>
      takes whole audits from a batch's Redis queue for this machine's devices
  govapp-audit report <out-dir>
  govapp-audit inspect <package> [--json]
  govapp-audit replay <out-dir> --finding <n> [--credentials <file.json>]
      replays the path of finding n (numbered 1, 2, … over all checks in verdict.json order) on the
      same kind of device and re-runs its check: exit 0 reproduced, 1 not reproduced, 2 could not replay
  govapp-audit --help

Exit codes: 0 pass, 1 a violation was found (fail), 2 inconclusive or the audit could not run.`;

function toNumber(name: string, value: string | undefined, integer: boolean, unit = ''): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n <= 0) {
    throw new AuditError('usage', `--${name} must be a positive ${integer ? 'integer' : 'number'}${unit}, got "${value}".`);
  }
  return n;
}

const RUN_OPTIONS = {
  app: { type: 'string' }, device: { type: 'string' }, out: { type: 'string' }, budget: { type: 'string' },
  credentials: { type: 'string' }, exempt: { type: 'string', multiple: true }, 'appium-port': { type: 'string' },
  'max-actions': { type: 'string' }, 'no-report': { type: 'boolean' }, debug: { type: 'boolean' }, lexicon: { type: 'string' },
  'test-data': { type: 'string' }, 'chromedriver-port': { type: 'string' }, timings: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const STRING_OPTIONS = new Set(Object.entries(RUN_OPTIONS).filter(([, o]) => o.type === 'string').map(([name]) => `--${name}`));

/**
 * `--budget -5` as `--budget=-5`: parseArgs takes a value starting with a dash for another option
 * and answers "argument is ambiguous"; a negative number is a value, to be judged as such.
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (STRING_OPTIONS.has(arg) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Parses the options of `run`. */
export function parseRunArgs(argv: string[]): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: RUN_OPTIONS,
    });
  } catch (error) {
    throw new AuditError('usage', `${(error as Error).message.split('\n')[0]} (see govapp-audit --help).`);
  }
  const v = parsed.values;
  const port = toNumber('appium-port', v['appium-port'], true);
  if (port !== undefined && port > 65535) throw new AuditError('usage', `--appium-port must be between 1 and 65535, got "${port}".`);
  const args: RunArgs = { exempt: v.exempt ?? [] };
  if (v.app !== undefined) args.app = v.app;
  if (v.device !== undefined) args.device = v.device;
  if (v.out !== undefined) args.out = v.out;
  const budget = toNumber('budget', v.budget, false, ' of seconds');
  if (budget !== undefined) args.budget = budget;
  if (v.credentials !== undefined) args.credentials = v.credentials;
  if (port !== undefined) args.appiumPort = port;
  const maxActions = toNumber('max-actions', v['max-actions'], true);
  if (maxActions !== undefined) args.maxActions = maxActions;
  if (v['no-report']) args.noReport = true;
  if (v.lexicon !== undefined) args.lexicon = v.lexicon;
  if (v['test-data'] !== undefined) args.testData = v['test-data'];
  const chromedriverPort = toNumber('chromedriver-port', v['chromedriver-port'], true);
  if (chromedriverPort !== undefined && chromedriverPort > 65535) throw new AuditError('usage', `--chromedriver-port must be between 1 and 65535, got "${chromedriverPort}".`);
  if (chromedriverPort !== undefined) args.chromedriverPort = chromedriverPort;
  if (v.timings) args.timings = true;
  return args;
}
