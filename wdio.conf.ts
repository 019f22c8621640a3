/**
 * The WebdriverIO testrunner configuration of an audit. The CLI (govapp-audit run) writes the
 * run configuration and starts the Launcher with this file; it is loaded again in each worker,
 * so it only reads: no side effects at module scope.
 */
import { join } from 'node:path';
import { AUDIT_SPEC_FILES } from './src/audit/spec-files.js';
import { RUNS_BUILD } from './src/core/paths.js';
import { platformOf } from './src/platforms/registry.js';
import { waitForAppium } from './src/runner/appium-process.js';
import { withoutTsxLoader } from './src/runner/node-options.js';
import { writeProgress } from './src/runner/progress.js';
import { readRunConfigFromEnv, runApp, runSlot } from './src/runner/run-config.js';

const run = readRunConfigFromEnv();
const platform = platformOf(run.device.platform);

export const config: WebdriverIO.Config = {
  runner: 'local',
  hostname: '127.0.0.1',
  port: run.appiumPort,
  path: '/',
  // One group: all specs share one worker and one device session, so the app is explored once.
  specs: [AUDIT_SPEC_FILES],
  maxInstances: 1,
  capabilities: [platform.capabilities(run.device, runSlot(run), runApp(run))],
  logLevel: 'error',
  outputDir: join(run.outDir, 'logs'),
  bail: 0,
  waitforTimeout: 5000,
  connectionRetryTimeout: 60_000,
  connectionRetryCount: 1,
  framework: 'mocha',
  mochaOpts: { ui: 'bdd', timeout: (run.budgetSeconds + 120) * 1000 },
  reporters: [
    ['allure', {
      outputDir: join(run.outDir, 'allure-results'),
      disableWebdriverStepsReporting: true,
      disableWebdriverScreenshotsReporting: true,
      addConsoleLogs: false,
    }],
  ],
  // Appium is started by the CLI (src/runner/appium-process.ts) so that its start overlaps this worker's;
  // the worker waits for it before opening its session.
  services: [],
  // The Launcher always puts tsx in NODE_OPTIONS for its worker; a run from build/ has no TypeScript to load.
  onPrepare: () => {
    if (RUNS_BUILD) process.env.NODE_OPTIONS = withoutTsxLoader(process.env.NODE_OPTIONS);
  },
  // Moments for the phase table (src/runner/phase-timings.ts): the worker is loaded and Appium answers,
  // the worker's session is open.
  beforeSession: async () => {
    await waitForAppium(run.appiumPort);
    writeProgress(run.outDir, { phase: 'starting', mark: 'appium-ready' });
  },
  before: () => writeProgress(run.outDir, { phase: 'starting', mark: 'session-ready' }),
};
