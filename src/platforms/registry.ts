/**
 * The registry of device platforms: one typed entry per PlatformId. The runner, wdio.conf.ts and
 * the specs ask it by the device profile's platform; a new platform is an entry here and its
 * folder (src/platforms/<id>/).
 */
import { AuditError } from '../core/errors.js';
import { ANDROID_PLATFORM } from './android/android-platform.js';
import { H5_PLATFORM } from './h5/h5-platform.js';
import { HARMONYOS_PLATFORM } from './harmonyos/harmonyos-platform.js';
import { IOS_PLATFORM } from './ios/ios-platform.js';
import type { Platform } from './platform.js';
import { PLATFORM_IDS, type PlatformId } from './platform-id.js';

export const PLATFORMS = {
  h5: H5_PLATFORM,
  android: ANDROID_PLATFORM,
  harmonyos: HARMONYOS_PLATFORM,
  ios: IOS_PLATFORM,
} as const satisfies Record<PlatformId, Platform>;

/** The platform of an app given by URL or by a folder of web pages. */
export const URL_APP_PLATFORM: PlatformId = H5_PLATFORM.id;

/** The platform entry for an id. */
export function platformOf(id: PlatformId): Platform {
  return PLATFORMS[id];
}

/** The entry of a platform that can run device sessions; throws AuditError('unsupported-platform') with its sentence otherwise. */
export function runnablePlatform(id: PlatformId): Platform {
  const platform = platformOf(id);
  if (platform.unavailable) throw new AuditError('unsupported-platform', platform.unavailable);
  return platform;
}

/** The ids whose device side runs here. */
export function runnablePlatformIds(): PlatformId[] {
  return PLATFORM_IDS.filter((id) => !PLATFORMS[id].unavailable);
}
