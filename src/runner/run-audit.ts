/**
 * `govapp-audit run`: validates the input, prepares the run, and hands the audit to the
 * WebdriverIO testrunner (Launcher + wdio.conf.ts + specs). The CLI is a front door to the
 * runner, not a second engine: it only merges the worker's results into verdict.json once,
 * at the end, and cleans up whatever the run started.
 */
import type { Launcher } from '@wdio/cli';
import { useProjectAppiumHome } from './appium-home.js';
import { spawnAppium, type AppiumProcess } from './appium-process.js';
import exitHook from 'async-exit-hook';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHECK_IDS, type CheckId } from '../checks/catalog.js';
import type { CheckResult } from '../checks/result.js';
import { DEFAULT_TUNABLE_SETTINGS } from '../checks/detectors/types.js';
import { resolveAppTarget } from '../config/app-target.js';
import { loadCredentials } from '../config/credentials.js';
import { parseExemptions } from '../config/exemptions.js';
import { loadLexicon } from '../config/lexicon.js';
import { loadTestData } from '../config/test-data-file.js';
import { AuditError } from '../core/errors.js';
import { DEFAULT_DEVICE, WDIO_CONFIG } from '../core/paths.js';
import { TOOL } from '../core/tool.js';
import { loadDeviceProfile, type DeviceProfile } from '../devices/profile.js';
import { readEvidenceBundle } from '../evidence/store.js';
import { readCheckResult } from '../audit/results.js';
import { buildVerdict, packageSummary } from '../verdict/verdict.js';
import { finishRun } from './finish-run.js';
import type { RunListener, RunOutcome } from './run-outcome.js';
import { prepareOutDir } from './out-dir.js';
import { assertPortFree, freePort } from './ports.js';
import { registerActiveRun, sweepProcesses } from './process-sweep.js';
import { readProgress } from './progress.js';
import { isTimingEvent, phaseTimings, type RunClock } from './phase-timings.js';
import { RUN_CONFIG_ENV, writeRunConfig, type RunConfig } from './run-config.js';
import { serveFolder, type RunningServer } from './sample-server.js';
import { URL_APP_PLATFORM, runnablePlatform } from '../platforms/registry.js';
import type { Platform, PreparedRun } from '../platforms/platform.js';
import { packageRunsOnDevice, prepareNativeRun, type NativeRun } from './native-device-run.js';
import { assertReachable } from './reachability.js';
import { runPackageAudit } from './package-audit.js';
import { writeLogFilters } from './log-filters.js';
import { accountForWorkers, runAccount, runSecrets } from './run-secrets.js';
import type { SecretMask } from '../evidence/secret-mask.js';

export interface RunArgs {
  app?: string;
  device?: string;
  out?: string;
  budget?: number;
  credentials?: string;
  exempt: string[];
  appiumPort?: number;
  /** chromedriver's port (a farm device's own port); a free one when absent. */
  chromedriverPort?: number;
  maxActions?: number;
  /** A lab's lexicon file extending the default detection lexicon. */
  lexicon?: string;
  /** A lab's test-data file: values typed into forms instead of the defaults. */
  testData?: string;
  /** Skip the Allure HTML generation (tests that only read verdict.json). */
  noReport?: boolean;
  /** Print the phase table (verdict.json's timings) after the summary. */
  timings?: boolean;
}

export type { RunListener, RunOutcome } from './run-outcome.js';

const DEFAULT_BUDGET_SECONDS = 120;

/** Runs a full audit; throws AuditError for bad input or environment before anything is written. */
export async function runAudit(args: RunArgs, listener: RunListener): Promise<RunOutcome> {
  const clock: Omit<RunClock, 'verdictAt'> = { processStart: performance.timeOrigin, runStart: Date.now() };
  const target = resolveAppTarget(args.app);
  const device = loadDeviceProfile(args.device ?? DEFAULT_DEVICE);
  if (args.credentials !== undefined) loadCredentials(args.credentials);
  const exemptions = parseExemptions(args.exempt);
  // Validated here so a bad lab file is one sentence and exit 2 before anything starts.
  if (args.lexicon !== undefined) loadLexicon(args.lexicon);
  const testData = args.testData !== undefined ? loadTestData(args.testData) : undefined;
  const budgetSeconds = args.budget ?? DEFAULT_BUDGET_SECONDS;
  if (!Number.isFinite(budgetSeconds) || budgetSeconds <= 0 || budgetSeconds > 86_400) {
    throw new AuditError('usage', `--budget must be a number of seconds between 1 and 86400, got "${String(args.budget)}".`);
  }
  if (target.kind === 'package' && !packageRunsOnDevice(target, device)) {
    const secrets = runSecrets({ credentialsFile: args.credentials !== undefined ? resolve(args.credentials) : undefined, device });
    return runPackageAudit(target, { out: args.out ?? join('reports', `audit-${timestamp()}`), deviceProfile: device.name, exemptions, noReport: args.noReport === true, secrets, ...(args.lexicon ? { lexiconFile: resolve(args.lexicon) } : {}) }, listener);
  }
  const platform = target.kind === 'package' ? runnablePlatform(device.platform) : platformFor(device);
  platform.systemCheck();
  // The input is valid: load the testrunner (seconds of module loading) while the app is served and checked.
  // Not while a native device is prepared: its capture proxy (mockttp) loads a module the testrunner
  // loads too, and Node refuses a require() of an ES module another import is still evaluating.
  let wdioCli = target.kind === 'package' ? undefined : loadTestrunner();
  const appiumPort = args.appiumPort ?? (await freePort());
  if (args.appiumPort !== undefined) await assertPortFree(args.appiumPort, 'the Appium server (--appium-port)');

  const outDir = prepareOutDir(args.out ?? join('reports', `audit-${timestamp()}`));
  const scratchDir = mkdtempSync(join(tmpdir(), 'govapp-audit-run-'));
  const unregister = registerActiveRun(scratchDir);
  let server: RunningServer | undefined;
  const startedAt = new Date().toISOString();
  const stopPolling = pollProgress(outDir, listener);
  let config: RunConfig | undefined;
  let native: NativeRun | undefined;
  let appium: AppiumProcess | undefined;
  try {
    const chromedriverPort = args.chromedriverPort ?? (await freePort());
    if (target.kind === 'folder') server = await serveFolder(target.dir);
    let url: string | undefined;
    if (target.kind === 'package') {
      listener.phase(`读取安装包并准备 ${platform.title} 设备：${target.file}`);
      const slot = { ports: { appium: appiumPort, chromedriverPort }, scratchDir };
      native = await prepareNativeRun(target, platform, device, slot, outDir, runSecrets({ credentialsFile: args.credentials !== undefined ? resolve(args.credentials) : undefined, device }));
      wdioCli = loadTestrunner();
    } else {
      url = target.kind === 'url' ? target.url : server!.url;
      listener.phase(`检查应用可达：${url}`);
      await assertReachable(url);
    }
    config = {
      schemaVersion: 1,
      runId: scratchDir.split('-').pop() ?? 'run',
      outDir,
      scratchDir,
      app: native ? { target: native.app.target, platform: platform.id, packageFile: native.app.packageFile!, ...(native.app.name ? { name: native.app.name } : {}) }
        : { target: target.kind === 'url' ? target.url : target.kind === 'folder' ? target.dir : target.file, platform: platform.id, ...(url ? { url } : {}), ...(target.kind === 'folder' ? { name: target.name } : {}) },
      ...accountForWorkers(args.credentials, device, scratchDir),
      budgetSeconds,
      maxActions: args.maxActions ?? device.exploration?.maxActions ?? 300,
      exemptions,
      ...logFiltersFor(args, device, scratchDir),
      appiumPort,
      chromedriverPort,
      settings: DEFAULT_TUNABLE_SETTINGS,
      ...(args.lexicon ? { lexiconFile: resolve(args.lexicon) } : {}),
      ...(testData ? { testData } : {}),
      tool: TOOL,
      startedAt,
    };
    listener.phase(`启动 Appium（端口 ${appiumPort}）与 ${platform.title} 会话（${device.label}${native?.prepared.simulated ? '，模拟设备' : ''}）`);
    clock.launcherStart = Date.now();
    // Started here, not by the testrunner: its start overlaps the testrunner's and the worker's (which waits for it).
    useProjectAppiumHome();
    appium = spawnAppium({
      port: appiumPort, logFile: join(scratchDir, 'appium.log'), consoleFile: join(outDir, 'logs', 'appium.log'), driver: platform.appiumDriver,
      ...(platform.appiumArgs?.allowInsecure ? { allowInsecure: platform.appiumArgs.allowInsecure } : {}),
      ...(config.logFiltersFile ? { logFiltersFile: config.logFiltersFile } : {}),
    });
    const incompleteReason = await runLauncher(config, outDir, scratchDir, server, wdioCli ?? loadTestrunner(), native?.prepared);
    clock.launcherEnd = Date.now();
    // Appium shuts down while the verdict and the report are written (awaited on the way out).
    void appium.stop();
    return await finish(config, incompleteReason, args.noReport === true, listener, clock);
  } finally {
    stopPolling();
    await appium?.stop();
    await native?.prepared.stop();
    await sweepProcesses(scratchDir);
    await server?.close();
    rmSync(scratchDir, { recursive: true, force: true });
    unregister();
  }
}

/** Starts loading the testrunner's modules; a load failure surfaces where the Launcher is needed. */
function loadTestrunner(): Promise<{ Launcher: typeof Launcher }> {
  const loading = import('@wdio/cli');
  loading.catch(() => undefined);
  return loading;
}

/** Masks the test account in Appium's log when there is one (see log-filters.ts). */
function logFiltersFor(args: RunArgs, device: DeviceProfile, scratchDir: string): { logFiltersFile?: string } {
  const account = runAccount({ credentialsFile: args.credentials !== undefined ? resolve(args.credentials) : undefined, device });
  return account ? { logFiltersFile: writeLogFilters(scratchDir, runSecrets({ device: { testAccount: account } })) } : {};
}

/** The platform that runs an app given by URL or folder on this profile; a profile of another platform is refused in one sentence. */
function platformFor(device: DeviceProfile): Platform {
  if (device.platform !== URL_APP_PLATFORM) {
    throw new AuditError('bad-device', `Device profile "${device.name}" is for ${device.platform}, but an app given by URL or folder needs a ${URL_APP_PLATFORM} profile such as "${DEFAULT_DEVICE}".`);
  }
  return runnablePlatform(device.platform);
}

/** Runs the WebdriverIO Launcher; resolves to the reason the run is incomplete, if it is. */
async function runLauncher(config: RunConfig, outDir: string, scratchDir: string, server: RunningServer | undefined, wdioCli: Promise<{ Launcher: typeof Launcher }>, prepared?: PreparedRun): Promise<string | undefined> {
  process.env[RUN_CONFIG_ENV] = writeRunConfig(config);
  useProjectAppiumHome();
  let running = true;
  let interrupted = false;
  exitHook((done?: () => void) => {
    if (!done || !running) { done?.(); return; }
    running = false;
    interrupted = true;
    void (async () => {
      await new Promise((r) => setTimeout(r, 500));
      await sweepProcesses(scratchDir, 2000);
      await prepared?.stop().catch(() => undefined);
      await finish(config, '运行被中断（收到终止信号）', true).catch(() => undefined);
      await server?.close();
      rmSync(scratchDir, { recursive: true, force: true });
      process.stderr.write(`\nInterrupted: the audit did not finish; ${join(outDir, 'verdict.json')} is marked incomplete.\n`);
      process.exit(2);
    })();
  });
  try {
    // Loaded after the input checks, not at the top: input errors are answered without loading the testrunner.
    const { Launcher: WdioLauncher } = await wdioCli;
    const launcher = new WdioLauncher(WDIO_CONFIG, {});
    // The testrunner's own console output (per-test errors of checks that failed by design) goes to a
    // log file; the person at the terminal sees our progress and summary.
    const restore = redirectStdout(join(outDir, 'logs', 'testrunner.log'), runSecrets(config));
    try {
      await launcher.run();
    } finally {
      restore();
    }
    return undefined;
  } catch (error) {
    return `审计运行器失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    running = false;
    // Interrupted: the sweep above ends the worker's session, so the testrunner soon returns as if the
    // run had ended. The run did not end: the exit hook marks it incomplete and exits 2. Wait for it (a
    // quiet machine once finished the run's own way first and exited 1 with the exploration's error).
    if (interrupted) await new Promise<never>(() => setInterval(() => undefined, 60_000));
  }
}

/** Merges the worker's results into the verdict; the one end of a run (finish-run.ts) writes it and the report. */
async function finish(config: RunConfig, incompleteReason: string | undefined, noReport: boolean, listener?: RunListener, clock?: Omit<RunClock, 'verdictAt'>): Promise<RunOutcome> {
  const bundle = readEvidenceBundle(config.outDir);
  const results: Partial<Record<CheckId, CheckResult>> = {};
  for (const id of CHECK_IDS) {
    const result = readCheckResult(config.outDir, id);
    if (result) results[id] = result;
  }
  const runnerFailure = !incompleteReason && Object.keys(results).length === 0 ? firstRunIssue(bundle.issues) : undefined;
  const verdict = buildVerdict({
    tool: config.tool,
    app: { target: config.app.target, platform: config.app.platform, ...(config.app.name ? { name: config.app.name } : {}) },
    device: { profile: config.device.name, label: config.device.label, platform: config.device.platform, ...(config.device.simulated ? { simulated: true } : {}) },
    startedAt: config.startedAt,
    finishedAt: new Date().toISOString(),
    exemptions: config.exemptions,
    results,
    coverage: bundle.coverage,
    ...(incompleteReason ?? runnerFailure ? { incompleteReason: incompleteReason ?? runnerFailure } : {}),
  });
  // A device run of a package records the package's facts too (src/runner/package-audit.ts does the static-only run).
  if (bundle.package) verdict.package = packageSummary(bundle.package);
  if (clock) verdict.timings = phaseTimings({ ...clock, verdictAt: Date.now() }, readProgress(config.outDir, 0).events);
  const environment = {
    app: config.app.target, device: `${config.device.label}${config.device.simulated ? '（模拟设备）' : ''}`, screens: verdict.coverage.screens, actions: verdict.coverage.actions,
    explorationComplete: verdict.coverage.complete, durationSeconds: (verdict.coverage.durationMs / 1000).toFixed(1), outcome: verdict.outcome, tool: `${config.tool.name} ${config.tool.version}`,
    loginWall: verdict.coverage.loginWall ? (verdict.coverage.loginWall.signedIn ? '已用测试账号登录' : '未能登录，登录后的界面未探索') : '未遇到',
  };
  return finishRun({ outDir: config.outDir, verdict, secrets: runSecrets(config), environment, noReport, listener });
}

function firstRunIssue(issues: { message: string }[]): string {
  return issues[0] ? `审计运行器未产生检查结果：${issues[0].message}` : '审计运行器未产生任何检查结果（会话启动失败？详见 logs/）';
}

function pollProgress(outDir: string, listener: RunListener): () => void {
  let offset = 0;
  const timer = setInterval(() => {
    const read = readProgress(outDir, offset);
    offset = read.offset;
    for (const event of read.events) if (!isTimingEvent(event)) listener.progress(event);
  }, 500);
  return () => clearInterval(timer);
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Sends process.stdout to a file, masked, until the returned function is called. */
function redirectStdout(file: string, secrets: SecretMask): () => void {
  mkdirSync(dirname(file), { recursive: true });
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    appendFileSync(file, secrets.text(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  });
  return () => {
    process.stdout.write = original;
  };
}
