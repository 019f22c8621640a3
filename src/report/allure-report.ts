/**
 * The reviewers' report: a single-file Allure 2 HTML report (opens from disk) generated from
 * <out>/allure-results with allure-commandline. Analytics are off: a government intranet
 * report must not phone home.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditError } from '../core/errors.js';
import { PROJECT_ROOT } from '../core/paths.js';

export const ALLURE_BIN = join(PROJECT_ROOT, 'node_modules', 'allure-commandline', 'dist', 'bin', 'allure');

/**
 * JVM options for one short report generation: the client compiler only and the serial collector.
 * Measured on the demo's results (2 shared cores): 3.6–4.4 s → 1.6–3.1 s wall, 3.2 → 1.8 s CPU, the same
 * report (the JVM's start itself is ~0.2 s). A lab's own ALLURE_OPTS wins.
 */
export const ALLURE_JVM_OPTS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/** Allure's environment: analytics always off, our JVM options unless the lab set ALLURE_OPTS. */
export function allureEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ALLURE_OPTS: ALLURE_JVM_OPTS, ...base, ALLURE_NO_ANALYTICS: 'true' };
}

/** Writes Allure's environment section (key=value lines). */
export function writeAllureEnvironment(resultsDir: string, entries: Record<string, string | number | boolean>): void {
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, ' ').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const lines = Object.entries(entries).map(([k, v]) => `${k.replace(/[\s=:]/g, '_')}=${escape(String(v))}`);
  writeFileSync(join(resultsDir, 'environment.properties'), lines.join('\n') + '\n');
}

/** Generates <out>/report/index.html; resolves to its path. */
export async function generateAllureReport(outDir: string): Promise<string> {
  const results = join(outDir, 'allure-results');
  if (!existsSync(results) || readdirSync(results).length === 0) {
    throw new AuditError('bad-run-dir', `${outDir} holds no Allure results (allure-results/ is missing or empty); run "govapp-audit run --out ${outDir}" first.`);
  }
  const reportDir = join(outDir, 'report');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(ALLURE_BIN, ['generate', '--clean', '--single-file', results, '-o', reportDir], {
      env: allureEnv(process.env),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (e) => reject(new AuditError('missing-system-dependency', `Cannot start Allure (${e.message}); run "npm ci" and install a Java runtime ("npm run setup" as root).`)));
    child.once('exit', (c) => (c === 0 ? resolve(0) : reject(new AuditError('missing-system-dependency', `Allure report generation failed (${stderr.trim().split('\n')[0] ?? `exit ${c}`}); check that a Java runtime is installed ("npm run setup").`))));
  });
  void code;
  return join(reportDir, 'index.html');
}
