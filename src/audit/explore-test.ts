/** The body of the exploration test (runs in the WebdriverIO worker, with the session's browser). */
import { addAttachment, addDescription } from '@wdio/allure-reporter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { platformOf } from '../platforms/registry.js';
import { exploreBreadthFirst } from '../explore/bfs-explorer.js';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import type { CoverageEvent } from '../evidence/types.js';
import { explorationText } from './coverage-text.js';
import { readRunConfigFromEnv, runApp, runSlot } from '../runner/run-config.js';
import { runAccount, runSecrets } from '../runner/run-secrets.js';
import { writeProgress } from '../runner/progress.js';
import { transitionGraphHtml } from './transition-graph.js';

/** Explores the app within the run's budget and records evidence; throws when nothing was seen. */
export async function runExploreTest(browser: WebdriverIO.Browser): Promise<CoverageEvent> {
  const run = readRunConfigFromEnv();
  const account = runAccount(run);
  const store = new EvidenceStore(run.outDir, runSecrets(run));
  const budgetMs = run.budgetSeconds * 1000;
  writeProgress(run.outDir, { phase: 'exploring', screens: 0, actions: 0, elapsedMs: 0, budgetMs });
  const session = platformOf(run.device.platform).openSession(browser, { app: runApp(run), profile: run.device, slot: runSlot(run) });
  const coverage = await exploreBreadthFirst(session, store, {
    budgetMs,
    maxActions: run.maxActions,
    launchLabel: `打开 ${run.app.url ?? run.app.name ?? run.app.target}`,
    ...(account ? { credentials: account } : {}),
    ...(run.testData ? { testData: run.testData } : {}),
    onProgress: (p) => writeProgress(run.outDir, { phase: 'exploring', ...p, budgetMs }),
  });
  writeProgress(run.outDir, { phase: 'exploring', screens: coverage.screens, actions: coverage.actions, elapsedMs: coverage.durationMs, budgetMs });
  await attachExploration(store, coverage);
  if (coverage.screens === 0) throw new Error('探索未能获取任何界面');
  return coverage;
}

async function attachExploration(store: EvidenceStore, coverage: CoverageEvent): Promise<void> {
  const { outDir } = store;
  const bundle = readEvidenceBundle(outDir);
  await addDescription(
    explorationText(coverage, bundle),
    'markdown',
  );
  const thumbnails = new Map<string, string>();
  for (const screen of bundle.screens) {
    if (!screen.screenshot) continue;
    const thumb = await sharp(readFileSync(join(outDir, screen.screenshot.path))).resize({ width: 180 }).png().toBuffer();
    thumbnails.set(screen.id, thumb.toString('base64'));
  }
  const html = transitionGraphHtml(bundle, thumbnails);
  store.putBlob('graph', html, 'html');
  // Allure attachments do not go through the store: masked here with the store's secrets.
  await addAttachment('界面跳转图', store.secrets.text(html), 'text/html');
  await addAttachment('探索覆盖 (JSON)', JSON.stringify(store.secrets.value(coverage), null, 2), 'application/json');
}
