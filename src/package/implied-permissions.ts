/**
 * Permissions the platform grants an app without it naming them, as `aapt dump badging` lists
 * them under `uses-implied-permission` (rules from AOSP frameworks/base tools/aapt Command.cpp,
 * the same in aapt2's dump): pre-Donut apps get WRITE_EXTERNAL_STORAGE and READ_PHONE_STATE,
 * WRITE_EXTERNAL_STORAGE always brings READ_EXTERNAL_STORAGE, and pre-Jelly Bean contacts
 * access brings the call log. Pure.
 */

const P = 'android.permission.';

/** A permission implied by the declared ones, with aapt's reason. */
export interface ImpliedPermission {
  name: string;
  reason: string;
  /** Inherited from WRITE_EXTERNAL_STORAGE's maxSdkVersion when that one had it. */
  maxSdkVersion?: string;
}

/** Implied permissions in aapt's order, given the declared names and the effective targetSdkVersion (minSdk when absent, 0 without uses-sdk). */
export function impliedPermissions(declared: ReadonlyMap<string, string | undefined>, targetSdk: number): ImpliedPermission[] {
  const has = new Set(declared.keys());
  const out: ImpliedPermission[] = [];
  const imply = (short: string, reason: string, maxSdkVersion?: string): void => {
    if (has.has(P + short)) return;
    has.add(P + short);
    out.push(maxSdkVersion ? { name: P + short, reason, maxSdkVersion } : { name: P + short, reason });
  };
  if (targetSdk < 4) {
    imply('WRITE_EXTERNAL_STORAGE', 'targetSdkVersion < 4');
    imply('READ_PHONE_STATE', 'targetSdkVersion < 4');
  }
  if (has.has(`${P}WRITE_EXTERNAL_STORAGE`)) imply('READ_EXTERNAL_STORAGE', 'requested WRITE_EXTERNAL_STORAGE', declared.get(`${P}WRITE_EXTERNAL_STORAGE`));
  if (targetSdk < 16) {
    if (has.has(`${P}READ_CONTACTS`)) imply('READ_CALL_LOG', 'targetSdkVersion < 16 and requested READ_CONTACTS');
    if (has.has(`${P}WRITE_CONTACTS`)) imply('WRITE_CALL_LOG', 'targetSdkVersion < 16 and requested WRITE_CONTACTS');
  }
  return out;
}
