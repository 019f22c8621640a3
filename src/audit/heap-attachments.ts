/** The idle JS heap on the performance check's Allure test: the chart redrawn from the samples, and the raw samples. */
import { addAttachment } from '@wdio/allure-reporter';
import type { EvidenceBundle } from '../evidence/types.js';
import { heapAttachments } from '../probes/heap-sampler.js';

/** Attaches the heap chart and samples when the run has them. */
export async function attachHeapEvidence(bundle: EvidenceBundle): Promise<void> {
  for (const a of await heapAttachments(bundle.probes?.heap ?? [])) await addAttachment(a.name, a.content, a.type);
}
