/**
 * forced-media-upload — 第十四条第（四）项: 强制上传工作照片、视频和轨迹.
 * Required work-photo/video file fields, trajectory reporting, and coordinates in request payloads.
 * A citizen uploading an ID photo, a licence or an avatar for a service is not matched (citizenDocument).
 */
import type { EvidenceBundle } from '../../evidence/types.js';
import { contextText, indexNodes, screenFinding, screenName } from '../evidence-view.js';
import { lexiconTerm } from '../lexicon/compile.js';
import type { Finding } from '../result.js';
import { normalizeText } from '../text-match.js';
import { requestFindings } from './network-payload.js';
import { probeMediaUploadFindings } from './media-upload-probes.js';
import { lexiconFindings } from './text-rules.js';
import type { Detector, DetectorSettings } from './types.js';

export const detectForcedMediaUpload: Detector = (bundle, settings) => ({
  findings: [
    ...requiredWorkMediaFields(bundle, settings),
    ...lexiconFindings(bundle, settings, 'forced-media-upload', '强制上传工作轨迹'),
    // Coordinates in a query string are a lookup (附近网点); in a request body they are an upload.
    ...requestFindings(bundle, lexiconTerm(settings.lexicon, 'forced-media-upload', 'coordinateKeys'), '定位坐标', 0.85, { bodyOnly: true }),
    ...probeMediaUploadFindings(bundle),
  ],
});

function requiredWorkMediaFields(bundle: EvidenceBundle, settings: DetectorSettings): Finding[] {
  const workMedia = lexiconTerm(settings.lexicon, 'forced-media-upload', 'workMedia');
  const citizenDocument = lexiconTerm(settings.lexicon, 'forced-media-upload', 'citizenDocument');
  const findings: Finding[] = [];
  for (const screen of bundle.screens) {
    const byId = indexNodes(screen);
    for (const node of screen.nodes) {
      if (node.inputType !== 'file') continue;
      const context = normalizeText(node.label ?? contextText(node, byId));
      if (!workMedia.test(context) || citizenDocument.test(context)) continue;
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
