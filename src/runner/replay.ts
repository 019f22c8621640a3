/**
 * `govapp-audit replay <out-dir> --finding <n>`: reproduces one finding of a finished run on the
 * same kind of device. Findings are numbered 1, 2, … over all checks in verdict.json order, and
 * within a check in the order of its `findings` array (the order the report lists them).
 * The finding's path is replayed from a fresh launch, the screen re-captured, and the check's
 * detector re-run on it: the finding is reproduced when the detector reports the same text again
 * (or, for a finding without text such as a missing requirement, still reports the problem).
 */
import { loadLexicon } from '../config/lexicon.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckId } from '../checks/catalog.js';
import { DETECTORS } from '../checks/detectors/index.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../checks/detectors/types.js';
import type { Finding } from '../checks/result.js';
import { normalizeText } from '../checks/text-match.js';
import { AuditError } from '../core/errors.js';
import { isAppCrash } from '../device/device-session.js';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import type { EvidenceBundle, ScreenEvent } from '../evidence/types.js';
import { secretMask } from '../evidence/secret-mask.js';
import { PathStepError, replayFromLaunch } from '../explore/path-replay.js';
import { typedValues } from '../explore/test-data.js';
import type { Verdict } from '../verdict/verdict.js';
import { startDevice } from './standalone-device.js';
import { RUN_CONFIG_FILE, runApp, type RunConfig } from './run-config.js';
import { platformOf } from '../platforms/registry.js';
import { replayAccount } from './run-secrets.js';
import { serveFolder, type RunningServer } from './sample-server.js';

export interface ReplayArgs { outDir: string; finding: number; credentials?: string }

export interface ReplayResult {
  /** 0 reproduced, 1 not reproduced, 2 could not replay. */
  exitCode: 0 | 1 | 2;
  check: CheckId;
  finding: Finding;
  message: string;
  screenshot?: string;
  resultFile?: string;
}

/** The n-th finding (1-based) over all checks, in verdict order. */
export function nthFinding(verdict: Verdict, n: number): { check: CheckId; finding: Finding } | undefined {
  let i = 0;
  for (const check of verdict.checks) {
    for (const finding of check.findings) if (++i === n) return { check: check.id, finding };
  }
  return undefined;
}

/** Replays a finding on a fresh device session; throws AuditError for bad input. */
export async function replayFinding(args: ReplayArgs): Promise<ReplayResult> {
  const outDir = resolve(args.outDir);
  const verdictFile = join(outDir, 'verdict.json');
  const configFile = join(outDir, RUN_CONFIG_FILE);
  if (!existsSync(verdictFile) || !existsSync(configFile)) {
    throw new AuditError('bad-run-dir', `${args.outDir} is not the output folder of a finished run (no verdict.json or ${RUN_CONFIG_FILE}).`);
  }
  const verdict = JSON.parse(readFileSync(verdictFile, 'utf8')) as Verdict;
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as RunConfig;
  const total = verdict.checks.reduce((n, c) => n + c.findings.length, 0);
  const picked = nthFinding(verdict, args.finding);
  if (!picked) throw new AuditError('usage', `--finding must be between 1 and ${total} (the run has ${total} findings, numbered over all checks in verdict.json order), got ${args.finding}.`);
  const { check, finding } = picked;
  const steps = finding.steps ?? [];
  if (steps.length === 0 || platformOf(config.app.platform).unavailable) {
    return { exitCode: 2, check, finding, message: finding.source === 'package' ? '该发现来自安装包静态检查，没有界面路径可回放。' : '该发现没有可回放的操作路径。' };
  }
  assertAppStillThere(config);
  const credentials = replayAccount(config, args.credentials);
  let server: RunningServer | undefined;
  if (!config.app.packageFile && existsSync(config.app.target) && !/^https?:/.test(config.app.target)) server = await serveFolder(config.app.target);
  const app = { ...runApp(config), ...(server ? { url: server.url } : {}) };
  const device = await startDevice(config.device, app).catch(async (error: unknown) => { await server?.close(); throw error; });
  const replayDir = join(outDir, 'replay', `finding-${args.finding}`);
  mkdirSync(replayDir, { recursive: true });
  const secrets = secretMask(credentials);
  const store = new EvidenceStore(replayDir, secrets);
  const mask = secrets.value;
  try {
    const { session } = device;
    if (session.can.dialogs) session.setDialogPolicy(/退出登录|注销|删除|清空|解绑|退出/);
    try {
      await replayFromLaunch(session, steps, { data: typedValues(config.testData, credentials) });
    } catch (error) {
      if (!(error instanceof PathStepError)) throw error;
      const stepNumber = error.index + 1;
      if (isAppCrash(error.cause)) return crashReplayed(replayDir, check, finding, stepNumber, error.cause.kind, mask);
      return { exitCode: 2, check, finding, message: `回放第 ${stepNumber} 步「${error.step.label}」失败：${mask(error.message)}` };
    }
    const snapshot = mask(await session.observe());
    const png = await session.screenshot();
    const screen: ScreenEvent = {
      type: 'screen', id: finding.screen ?? 'replay', signature: 'replay', url: snapshot.url, title: snapshot.title, depth: steps.length - 1, steps,
      nodes: snapshot.nodes, visibleText: snapshot.visibleText, screenshot: store.putBlob('screenshot', png, 'png'),
      uiTree: store.putBlob('ui-tree', JSON.stringify(snapshot.nodes), 'json'), viewport: snapshot.viewport, at: new Date().toISOString(),
    };
    store.append(screen);
    for (const r of session.can.networkObserved ? await session.drainNetwork() : []) store.append(mask({ type: 'network', ...r, screenId: screen.id }));
    for (const l of session.can.logs ? await session.drainLogs() : []) store.append(mask({ type: 'console', ...l, screenId: screen.id }));
    const bundle: EvidenceBundle = { ...readEvidenceBundle(replayDir), coverage: readEvidenceBundle(outDir).coverage };
    const reproduced = stillThere(check, finding, bundle, config);
    const screenshot = join(replayDir, screen.screenshot!.path);
    const result: Omit<ReplayResult, 'resultFile'> = {
      exitCode: reproduced ? 0 : 1, check, finding, screenshot,
      message: reproduced ? `已复现：在「${snapshot.title}」上再次发现${finding.text ? `「${finding.text}」` : '该问题'}。` : `未复现：回放到「${snapshot.title}」后，${check} 检测未再发现${finding.text ? `「${finding.text}」` : '该问题'}。`,
    };
    const resultFile = join(replayDir, 'replay.json');
    writeFileSync(resultFile, JSON.stringify(mask({ ...result, finding: { summary: finding.summary, text: finding.text, steps: finding.steps?.map((s) => s.label) }, url: snapshot.url, at: new Date().toISOString() }), null, 2));
    return { ...result, resultFile };
  } finally {
    await device.close();
    await server?.close();
  }
}

/**
 * A replay installs the run's package, or serves the run's folder, again from where the run found it. A run
 * folder copied to another machine, or kept after its checkout was removed, names a path that is gone: the
 * replay would otherwise open the run's old local address and fail with a browser error.
 */
function assertAppStillThere(config: RunConfig): void {
  const file = config.app.packageFile ?? (/^https?:/i.test(config.app.target) ? undefined : config.app.target);
  if (file !== undefined && !existsSync(file)) {
    throw new AuditError('bad-app', `The app this run audited is no longer at ${file}; put it back there (replay installs or serves it from that path) or audit it again.`);
  }
}

/**
 * The app died while the path was replayed. A stability finding whose last step is the one that
 * crashed it is reproduced (the crash is the finding); any other finding could not be replayed.
 */
function crashReplayed(replayDir: string, check: CheckId, finding: Finding, stepNumber: number, kind: string, mask: <T>(v: T) => T): ReplayResult {
  const step = finding.steps?.[stepNumber - 1];
  const reproduced = check === 'stability' && stepNumber === finding.steps?.length;
  const message = reproduced
    ? `已复现：回放第 ${stepNumber} 步「${step?.label ?? ''}」后应用再次崩溃（${kind}）。`
    : `回放第 ${stepNumber} 步「${step?.label ?? ''}」时应用崩溃（${kind}），无法回放到该发现的界面。`;
  const resultFile = join(replayDir, 'replay.json');
  const exitCode = reproduced ? 0 : 2;
  writeFileSync(resultFile, JSON.stringify(mask({ exitCode, check, message, finding: { summary: finding.summary, text: finding.text, steps: finding.steps?.map((s) => s.label) }, crashedAtStep: stepNumber, at: new Date().toISOString() }), null, 2));
  return { exitCode, check, finding, message, resultFile };
}

/** True when the check's detector, on the replayed screen, reports the finding again. */
function stillThere(check: CheckId, finding: Finding, bundle: EvidenceBundle, config: RunConfig): boolean {
  const detector = DETECTORS[check];
  if (!detector) return false;
  // The run's tunable settings over the defaults, with the lab's own lexicon as the run had it.
  const detection = detector(bundle, { ...DEFAULT_DETECTOR_SETTINGS, ...config.settings, lexicon: loadLexicon(config.lexiconFile) });
  if (!finding.text) return detection.findings.length > 0 || (detection.missing?.length ?? 0) > 0;
  const want = normalizeText(finding.text);
  return detection.findings.some((f) => f.text !== undefined && normalizeText(f.text) === want);
}
