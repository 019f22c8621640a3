/** Probe figures on a check's Allure test: the timeline of periodic requests its findings cite, and the raw probe records. */
import { addAttachment } from '@wdio/allure-reporter';
import type { CheckResult } from '../checks/result.js';
import type { EvidenceBundle } from '../evidence/types.js';
import { periodicChartPng } from '../probes/request-chart.js';
import { attachHeapEvidence } from './heap-attachments.js';

/** Attaches the chart of the periodic endpoints cited by the result's findings, and the performance measurement. */
export async function attachProbeEvidence(result: CheckResult, bundle: EvidenceBundle): Promise<void> {
  const cited = new Set(result.findings.filter((f) => f.summary.includes('周期性') && f.request).map((f) => `${f.request!.method} ${f.request!.url.split('?')[0]}`));
  if (cited.size > 0) {
    const requests = bundle.network.filter((r) => cited.has(`${r.method} ${r.url.split('?')[0]}`));
    const chart = await periodicChartPng(requests);
    if (chart) await addAttachment('周期性请求时间线', chart, 'image/png');
  }
  const probes = bundle.probes;
  if (result.id === 'performance' && probes?.performance.length) await addAttachment('性能测量：启动、帧率、点击响应 (JSON)', JSON.stringify(probes.performance, null, 2), 'application/json');
  if (result.id === 'performance') await attachHeapEvidence(bundle);
  if (result.id === 'ipv6-readiness' && probes?.ipv6) await addAttachment('IPv6 回环加载 (JSON)', JSON.stringify(probes.ipv6, null, 2), 'application/json');
}
