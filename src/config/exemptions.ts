/** --exempt <check-id>:<reason>, e.g. forced-check-in:安保 (第十四条 allows check-in for security and emergency). */
import { AuditError } from '../core/errors.js';
import { didYouMean } from '../core/did-you-mean.js';
import { CHECK_IDS, isCheckId, type CheckId } from '../checks/catalog.js';

/** Parses the repeated --exempt values into a map of check id to reason. */
export function parseExemptions(values: readonly string[]): Partial<Record<CheckId, string>> {
  const exemptions: Partial<Record<CheckId, string>> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const id = colon < 0 ? value : value.slice(0, colon);
    const reason = colon < 0 ? '' : value.slice(colon + 1).trim();
    if (!isCheckId(id)) {
      throw new AuditError('bad-exemption', `--exempt names unknown check "${id}".${didYouMean(id, CHECK_IDS)} Known checks: ${CHECK_IDS.join(', ')}.`);
    }
    if (!reason) throw new AuditError('bad-exemption', `--exempt ${id} needs a reason after a colon, e.g. --exempt ${id}:安保.`);
    exemptions[id] = reason;
  }
  return exemptions;
}
