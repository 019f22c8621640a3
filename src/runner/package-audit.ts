/**
 * The audit of a package file while its platform's device side is not built: the package is read
 * statically (hostile input, bounded), its facts and clues are recorded as evidence, every check
 * is decided from them (clues alone never fail a check; without a device run nothing passes),
 * and verdict.json plus an Allure report with a 「安装包静态检查」 section are written.
 */
import { join } from 'node:path';
import type { AppTarget } from '../config/app-target.js';
import { CHECK_CATALOG } from '../checks/catalog.js';
import { evaluateAll } from '../checks/evaluate.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../checks/detectors/types.js';
import { loadLexicon } from '../config/lexicon.js';
import type { CheckResult } from '../checks/result.js';
import type { CheckId } from '../checks/catalog.js';
import { TOOL } from '../core/tool.js';
import { EvidenceStore, readEvidenceBundle } from '../evidence/store.js';
import type { SecretMask } from '../evidence/secret-mask.js';
import { inspectPackage, renderInspectText } from '../package/index.js';
import { writeAllureTest, type AllureStatus } from '../report/allure-results-writer.js';
import { buildVerdict, packageSummary } from '../verdict/verdict.js';
import { prepareOutDir } from './out-dir.js';
import type { RunListener, RunOutcome } from './run-outcome.js';
import { finishRun } from './finish-run.js';
import { articleSuiteOf } from '../audit/article-suites.js';

const STATUS: Record<CheckResult['outcome'], AllureStatus> = { pass: 'passed', fail: 'failed', inconclusive: 'broken', 'not-applicable': 'skipped' };

/** Runs the static-only audit of a package; throws AuditError('bad-package') for a hostile or broken file. */
export async function runPackageAudit(
  target: Extract<AppTarget, { kind: 'package' }>,
  options: { out: string; deviceProfile: string; exemptions: Partial<Record<CheckId, string>>; noReport: boolean; secrets: SecretMask; lexiconFile?: string },
  listener: RunListener,
): Promise<RunOutcome> {
  const startedAt = new Date();
  listener.phase(`读取安装包：${target.file}`);
  const facts = await inspectPackage(target.file);
  const outDir = prepareOutDir(options.out);
  const store = new EvidenceStore(outDir, options.secrets);
  const blob = store.putBlob('package', JSON.stringify(facts, null, 2), 'json');
  store.append({ type: 'package', facts, blob });
  // The lab's --lexicon reaches package clues as it reaches device runs.
  const settings = { ...DEFAULT_DETECTOR_SETTINGS, lexicon: loadLexicon(options.lexiconFile) };
  const results = evaluateAll(readEvidenceBundle(outDir), { exemptions: options.exemptions, settings });
  const resultsDir = join(outDir, 'allure-results');
  const stop = Date.now();
  writeAllureTest(resultsDir, {
    name: '安装包静态检查', suite: '安装包静态检查', status: 'passed', start: startedAt.getTime(), stop,
    description: `<p>${facts.format} · ${facts.identity.packageName} · sha256 ${facts.file.sha256}</p>`,
    attachments: [
      { name: '安装包事实（中文）', content: renderInspectText(facts), type: 'text/plain' },
      { name: '安装包事实 (JSON)', content: JSON.stringify(facts, null, 2), type: 'application/json' },
    ],
  });
  for (const result of results) {
    writeAllureTest(resultsDir, {
      name: `${CHECK_CATALOG[result.id].title}（${result.id}）`, suite: articleSuiteOf(result.id), status: STATUS[result.outcome],
      ...(result.reason ? { message: result.reason } : {}), start: stop, stop,
      attachments: [
        ...result.findings.map((f, i) => ({ name: `线索 ${i + 1}`, content: `${f.summary}\n来源：${f.source}　置信度：${f.confidence}\n${f.text ?? ''}`, type: 'text/plain' as const })),
        { name: '检查结果 (JSON)', content: JSON.stringify(result, null, 2), type: 'application/json' },
      ],
    });
  }
  const verdict = buildVerdict({
    tool: TOOL,
    app: { target: target.file, platform: facts.platform, name: facts.identity.label ?? facts.identity.packageName, sha256: facts.file.sha256 },
    device: { profile: options.deviceProfile, label: '未使用设备：该平台的设备端尚未实现，仅做安装包静态检查', platform: facts.platform },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    exemptions: options.exemptions,
    results: Object.fromEntries(results.map((r) => [r.id, r])),
    coverage: undefined,
  });
  verdict.package = packageSummary({ type: 'package', facts, blob });
  const environment = { app: target.file, package: facts.identity.packageName, sha256: facts.file.sha256, device: 'none (static only)', outcome: verdict.outcome };
  return finishRun({ outDir, verdict, secrets: options.secrets, environment, noReport: options.noReport, listener });
}
