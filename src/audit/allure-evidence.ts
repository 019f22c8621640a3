/** Attaches a check's result and the evidence its findings cite to the check's Allure test. */
import { addAttachment, addDescription } from '@wdio/allure-reporter';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, Finding } from '../checks/result.js';
import type { EvidenceBundle } from '../evidence/types.js';
import { annotateScreenshot } from '../evidence/annotate.js';
import type { EvidenceStore } from '../evidence/store.js';
import { attachProbeEvidence } from './probe-attachments.js';

const OUTCOME_ZH = { pass: '通过', fail: '不通过', inconclusive: '无法判定', 'not-applicable': '不适用' } as const;

/** Adds description, per-finding annotated screenshots and texts, and the raw result JSON. */
export async function attachCheckEvidence(store: EvidenceStore, result: CheckResult, bundle: EvidenceBundle): Promise<void> {
  const { outDir } = store;
  await addDescription(describe(result), 'markdown');
  const cited = [...result.findings, ...(result.observations ?? [])].slice(0, 12);
  // The screenshots are boxed at the same time (sharp works off the main thread; the demo's checks
  // spent about 2 s boxing one after another), then attached in the findings' order.
  const annotations = await Promise.all(cited.map((finding) => annotatedEvidence(outDir, finding, result.title, bundle, store)));
  for (const [index, finding] of cited.entries()) {
    const name = `${result.findings.includes(finding) ? '问题' : '依据'} ${index + 1}`;
    await addAttachment(`${name}：说明`, findingText(finding), 'text/plain');
    const annotated = annotations[index];
    if (annotated?.ref) {
      finding.evidence.push(annotated.ref);
      await addAttachment(`${name}：标注截图`, annotated.png, 'image/png');
    } else if (annotated) {
      // Nothing to box: the plain screenshot, never an "annotated" one with no box on it.
      await addAttachment(`${name}：截图（没有可标注的界面元素）`, annotated.png, 'image/png');
    }
  }
  await attachProbeEvidence(result, bundle);
  await addAttachment('检查结果 (JSON)', JSON.stringify(result, null, 2), 'application/json');
}

function describe(result: CheckResult): string {
  const lines = [`**${result.title}**（${result.id}）`, '', `依据：${result.articles.join('、')}`, '', `结论：**${OUTCOME_ZH[result.outcome]}**`];
  if (result.reason) lines.push('', `说明：${result.reason}`);
  for (const f of result.findings) lines.push('', `- ${f.summary}`);
  return lines.join('\n');
}

function findingText(finding: Finding): string {
  const lines = [finding.summary, '', `来源：${finding.source}　置信度：${finding.confidence}${finding.severity === 'forced' ? '　强制' : ''}`];
  if (finding.text) lines.push(`匹配文本：${finding.text}`);
  if (finding.request) lines.push(`请求：${finding.request.method} ${finding.request.url}`);
  if (finding.steps?.length) lines.push(`复现路径：${finding.steps.map((s) => s.label).join(' → ')}`);
  for (const e of finding.evidence) lines.push(`证据：${e.path}（sha256 ${e.sha256}）`);
  return lines.join('\n');
}

async function annotatedEvidence(outDir: string, finding: Finding, title: string, bundle: EvidenceBundle, store: EvidenceStore) {
  const screen = bundle.screens.find((s) => s.id === finding.screen);
  if (!screen?.screenshot) return undefined;
  const file = join(outDir, screen.screenshot.path);
  if (!existsSync(file)) return undefined;
  if (!finding.bounds) return { png: readFileSync(file) };
  const png = await annotateScreenshot(readFileSync(file), [{ bounds: finding.bounds, label: title }], screen.viewport.devicePixelRatio);
  return { png, ref: store.putBlob('annotated-screenshot', png, 'png') };
}
