/** What a check produces: a finding is a value with the evidence it rests on, never an exception. */
import type { BlobRef, Bounds, Step } from '../evidence/types.js';
import type { CheckId } from './catalog.js';

export type CheckOutcome = 'pass' | 'fail' | 'inconclusive' | 'not-applicable';
export type FindingSource = 'ui-tree' | 'ocr' | 'network' | 'package' | 'probe';

export interface Finding {
  /** One Chinese sentence: what was found and where. */
  summary: string;
  source: FindingSource;
  /** The matched text with a little context. */
  text?: string;
  /** Screen id in the evidence log. */
  screen?: string;
  evidence: BlobRef[];
  steps?: Step[];
  /** 0..1: how sure the rule is that this is the feature, not a mention of it. */
  confidence: number;
  /** "forced" when the app leaves the user no way around it (a gate, a required field, a threat). */
  severity?: 'forced' | 'present';
  nodeId?: number;
  bounds?: Bounds;
  request?: { method: string; url: string };
}

/** What a detector returns before the outcome is decided. */
export interface Detection {
  findings: Finding[];
  /** Evidence of compliance (for requirements): what was found and where. */
  observations?: Finding[];
  /** Set when the detector itself knows it could not decide. */
  inconclusiveReason?: string;
  /** Set by requirement detectors: the required thing was not seen. */
  missing?: string[];
  /** Requirements judged only on screens this close to launch need exploration complete to this depth. */
  requiredDepth?: number;
  details?: Record<string, unknown>;
}

export interface CheckResult {
  id: CheckId;
  title: string;
  articles: string[];
  outcome: CheckOutcome;
  /** Chinese sentence explaining an inconclusive, not-applicable or failed outcome. */
  reason?: string;
  findings: Finding[];
  observations?: Finding[];
  details?: Record<string, unknown>;
}
