/**
 * Findings from the permissions probe: a camera or location request at launch that, when denied,
 * leaves the app unusable (a gate). Asking is not a violation by itself; refusing service unless
 * the user grants it is (the user is forced to hand over photos or position).
 */
import type { PermissionProbeEvent } from '../../evidence/probe-types.js';
import type { EvidenceBundle } from '../../evidence/types.js';
import type { Finding } from '../result.js';

const CAPABILITY_ZH = { geolocation: '定位', camera: '摄像头', microphone: '麦克风', notifications: '通知', clipboard: '剪贴板', contacts: '通讯录' } as const;
const ASKS_FOR_PERMISSION = /(授权|允许|开启|打开|权限|同意).{0,12}(定位|位置|相机|摄像头|拍照|麦克风)|(定位|位置|相机|摄像头|拍照|麦克风).{0,12}(授权|允许|开启|打开|权限)/;

export interface PermissionGate {
  capabilities: string[];
  granted: PermissionProbeEvent;
  denied: PermissionProbeEvent;
}

/** The gate, when the launch asked for one of `capabilities` and denying it blocked the app. */
export function permissionGate(bundle: EvidenceBundle, capabilities: readonly string[]): PermissionGate | undefined {
  const launches = bundle.probes?.permissions.filter((p) => p.stepLabels.length === 0) ?? [];
  const granted = launches.find((p) => p.mode === 'granted');
  const denied = launches.find((p) => p.mode === 'denied');
  if (!granted || !denied) return undefined;
  const asked = [...new Set([...granted.requests, ...denied.requests].filter((r) => !r.afterUserAction && capabilities.includes(r.capability)).map((r) => r.capability))];
  if (asked.length === 0) return undefined;
  const blocked = denied.actionable < granted.actionable && (denied.actionable <= 1 || ASKS_FOR_PERMISSION.test(denied.visibleText));
  return blocked ? { capabilities: asked, granted, denied } : undefined;
}

/** The gate as a forced finding (cites the denied launch's screenshot). */
export function permissionGateFinding(gate: PermissionGate, consequence: string): Finding {
  const names = gate.capabilities.map((c) => CAPABILITY_ZH[c as keyof typeof CAPABILITY_ZH] ?? c).join('、');
  return {
    summary: `应用启动即申请${names}权限；拒绝后可操作控件由 ${gate.granted.actionable} 个降为 ${gate.denied.actionable} 个，应用无法使用（${consequence}）。`,
    source: 'probe',
    text: gate.denied.visibleText.slice(0, 200),
    evidence: gate.denied.screenshot ? [gate.denied.screenshot] : [],
    confidence: 0.85,
    severity: 'forced',
  };
}
