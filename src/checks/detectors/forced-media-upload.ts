/**
 * forced-media-upload — 第十四条第（四）项: 强制上传工作照片、视频和轨迹.
 * Required work-photo/video file fields, trajectory reporting, and coordinates in request payloads.
 * A citizen uploading an ID photo for a service is not matched (证件 words are excluded).
 */
import type { EvidenceBundle } from '../../evidence/types.js';
import { contextText, indexNodes, screenFinding, screenName } from '../evidence-view.js';
import { applyTextRules, type TextRule } from '../rules.js';
import type { Finding } from '../result.js';
import { normalizeText } from '../text-match.js';
import { requestFindings } from './network-payload.js';
import type { Detector } from './types.js';

const CITIZEN_DOCUMENT = /身份证|证件|户口|营业执照|居住证|驾驶证|护照|社保卡/;
const WORK_MEDIA = /(现场|工作|巡查|留痕|会议|活动|值班)(照片|图片|视频|影像)|拍照上传|上传(照片|视频)/;
const RULES: readonly TextRule[] = [
  { kind: 'label', what: '轨迹上报功能', pattern: /(上报|上传|记录).{0,4}轨迹|轨迹(记录|上报|上传)|巡查轨迹/, confidence: 0.85 },
  { kind: 'control', what: '轨迹上报按钮', pattern: /轨迹/, confidence: 0.85 },
];
const COORDINATE_KEYS = /^(lat|lng|lon|latitude|longitude|location|coords?|gps)$/i;

export const detectForcedMediaUpload: Detector = (bundle) => ({
  findings: [
    ...requiredWorkMediaFields(bundle),
    ...applyTextRules(bundle, RULES, '强制上传工作轨迹'),
    ...requestFindings(bundle, COORDINATE_KEYS, '定位坐标', 0.85),
  ],
});

function requiredWorkMediaFields(bundle: EvidenceBundle): Finding[] {
  const findings: Finding[] = [];
  for (const screen of bundle.screens) {
    const byId = indexNodes(screen);
    for (const node of screen.nodes) {
      if (node.inputType !== 'file') continue;
      const context = normalizeText(node.label ?? contextText(node, byId));
      if (!WORK_MEDIA.test(context) || CITIZEN_DOCUMENT.test(context)) continue;
      const required = node.required === true || /必填|必须|\*/.test(context);
      findings.push(screenFinding(screen, {
        summary: `在${screenName(screen)}发现${required ? '必填的' : ''}工作照片/视频上传项：「${context.slice(0, 40)}」${required ? '，不上传无法提交（强制）' : ''}。`,
        text: context,
        node,
        confidence: required ? 0.9 : 0.6,
        severity: required ? 'forced' : 'present',
      }));
    }
  }
  return findings;
}
