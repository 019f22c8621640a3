/** The typed registry of detectors. A check without a detector is reported inconclusive, never pass. */
import type { CheckId } from '../catalog.js';
import { detectCommercialActivity } from './commercial-activity.js';
import { detectComplaintChannel } from './complaint-channel.js';
import { detectEngagementMetricsAssessment } from './engagement-metrics-assessment.js';
import { detectFilingDisclosure } from './filing-disclosure.js';
import { detectForcedCheckIn } from './forced-check-in.js';
import { detectForcedMediaUpload } from './forced-media-upload.js';
import { detectForcedPromotion } from './forced-promotion.js';
import { detectMandatoryLogin } from './mandatory-login.js';
import { detectOnlineDurationTracking } from './online-duration-tracking.js';
import { detectPointsRanking } from './points-ranking.js';
import { detectRepeatedDataReporting } from './repeated-data-reporting.js';
import { detectStability } from './stability.js';
import { detectDataSecurity } from './data-security.js';
import { detectIpv6Readiness } from './ipv6-readiness.js';
import { detectPerformance } from './performance.js';
import type { Detector } from './types.js';

export const DETECTORS: Partial<Record<CheckId, Detector>> = {
  'forced-check-in': detectForcedCheckIn,
  'points-ranking': detectPointsRanking,
  'online-duration-tracking': detectOnlineDurationTracking,
  'mandatory-login': detectMandatoryLogin,
  'forced-promotion': detectForcedPromotion,
  'engagement-metrics-assessment': detectEngagementMetricsAssessment,
  'forced-media-upload': detectForcedMediaUpload,
  'repeated-data-reporting': detectRepeatedDataReporting,
  'commercial-activity': detectCommercialActivity,
  'filing-disclosure': detectFilingDisclosure,
  'complaint-channel': detectComplaintChannel,
  'stability': detectStability,
  'ipv6-readiness': detectIpv6Readiness,
  'performance': detectPerformance,
  'data-security': detectDataSecurity,
};
