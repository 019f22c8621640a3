/** A registry entry for a platform whose device side is not built yet: every device call says so in one sentence. */
import { AuditError } from '../core/errors.js';
import type { Platform } from './platform.js';
import type { PlatformId } from './platform-id.js';

/** The entry of a platform that cannot run device sessions yet (its package files are still read statically). */
export function unavailablePlatform(id: PlatformId, title: string, appiumDriver: string, sentence: string): Platform {
  const refuse = (): never => { throw new AuditError('unsupported-platform', sentence); };
  return { id, title, appiumDriver, unavailable: sentence, systemCheck: refuse, capabilities: refuse, openSession: refuse, probeTools: refuse };
}
