#!/usr/bin/env node
/**
 * Runs the e2e files (scripts/e2e-lanes.mjs): each in its own process, two at a time, the farm
 * files first and alone, each file's output printed when it ends, then one line per file.
 *
 *   node scripts/run-e2e.mjs [--lane devices|browsers] [files...]
 *
 * `--lane devices` runs only the files that start no Chromium; `--lane browsers` the others.
 * GOVAPP_E2E_CONCURRENCY sets how many files run at once (default 2).
 */
import { parseArgs } from 'node:util';
import { countSetting } from './buffered-child.mjs';
import { laneFiles, runFiles, summary } from './e2e-lanes.mjs';

const { values, positionals } = parseArgs({ options: { lane: { type: 'string' } }, allowPositionals: true });
if (values.lane !== undefined && !['devices', 'browsers'].includes(values.lane)) {
  console.error(`run-e2e: --lane must be devices or browsers, got "${values.lane}"`);
  process.exit(2);
}
const concurrency = countSetting('GOVAPP_E2E_CONCURRENCY', 2);
const results = await runFiles(laneFiles(values.lane, positionals), { limit: () => concurrency }).done;
process.stdout.write(`\n── e2e files\n${summary(results)}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
