/** forced-media-upload evidence from the probes: periodic coordinates, image/video uploads, a camera/location gate. */
import type { EvidenceBundle } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import { permissionGate, permissionGateFinding } from './permission-findings.js';
import { mediaUploadFindings, periodicTrajectoryFindings } from './request-findings.js';

/** Findings for forced-media-upload that rest on network and permission probes. */
export function probeMediaUploadFindings(bundle: EvidenceBundle): Finding[] {
  const gate = permissionGate(bundle, ['camera', 'geolocation']);
  return [
    ...periodicTrajectoryFindings(bundle),
    ...mediaUploadFindings(bundle),
    ...(gate ? [permissionGateFinding(gate, '不交出照片或位置就无法使用，属强制上传')] : []),
  ];
}
