/**
 * data-security (第十九条) from the permissions probe: the clipboard read at launch with no user
 * action (navigator.clipboard.readText / read, document.execCommand('paste')). A clipboard holds
 * whatever the user copied last — an ID-card number, a verification code, a chat message — so
 * reading it unasked collects personal information with no purpose the user chose (个人信息保护法
 * 第六条: 最小必要). A read after a tap (a 粘贴 button) is not a finding.
 * A notification request at launch is recorded as an observation only: asking is not a prohibited
 * feature in the catalogue and no clause here makes it one.
 * Known false positives: an app whose first screen is itself a paste form the user opened by a link.
 */
import type { PermissionProbeEvent, PermissionRequestRecord } from '../../evidence/probe-types.js';
import type { EvidenceBundle } from '../../evidence/types.js';
import type { Finding } from '../result.js';

/** Launch-time (no user action yet) requests of one capability, one per API, granted runs first. */
export function unaskedRequests(bundle: EvidenceBundle, capability: PermissionRequestRecord['capability']): { record: PermissionRequestRecord; event: PermissionProbeEvent }[] {
  const events = [...(bundle.probes?.permissions ?? [])].sort((a, b) => rank(a) - rank(b));
  const found = new Map<string, { record: PermissionRequestRecord; event: PermissionProbeEvent }>();
  for (const event of events) {
    for (const record of event.requests) {
      if (record.capability === capability && !record.afterUserAction && !found.has(record.api)) found.set(record.api, { record, event });
    }
  }
  return [...found.values()];
}

/** The plain launches first (granted before denied), then replays. */
function rank(e: PermissionProbeEvent): number {
  return (e.stepLabels.length > 0 ? 2 : 0) + (e.mode === 'granted' ? 0 : 1);
}

/** The record as cited in a finding: api, ms since navigation, afterUserAction, page. */
function cite(r: PermissionRequestRecord): string {
  return `${r.api}，导航后 ${r.atMs} ms，afterUserAction=${String(r.afterUserAction)}，页面 ${r.url}`;
}

function fromRecord(summary: string, record: PermissionRequestRecord, event: PermissionProbeEvent, confidence: number): Finding {
  return { summary, source: 'probe', text: JSON.stringify(record), evidence: event.screenshot ? [event.screenshot] : [], confidence, severity: 'present' };
}

/** Findings: the clipboard read at launch before any user action. */
export function clipboardAtLaunchFindings(bundle: EvidenceBundle): Finding[] {
  return unaskedRequests(bundle, 'clipboard').map(({ record, event }) =>
    fromRecord(`应用启动后在用户未作任何操作时读取剪贴板（${cite(record)}）；剪贴板中可能有用户复制的身份证号、验证码等个人信息。`, record, event, 0.8));
}

/** Observations: notification permission asked at launch (recorded, not judged). */
export function notificationAtLaunchObservations(bundle: EvidenceBundle): Finding[] {
  return unaskedRequests(bundle, 'notifications').map(({ record, event }) =>
    fromRecord(`应用启动即申请通知权限（${cite(record)}）；申请通知权限本身不属于禁止的功能，仅作记录。`, record, event, 0.9));
}
