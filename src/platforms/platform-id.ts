/**
 * The one list of device platforms. Every other module names a platform through this type; the
 * registry (registry.ts) has one entry per id. Evidence, checks and verdict may import this file
 * (and only this file) of src/platforms.
 */
export const PLATFORM_IDS = ['h5', 'android', 'ios', 'harmonyos'] as const;

/** A device platform: H5 (Chromium), Android, iOS, HarmonyOS. */
export type PlatformId = (typeof PLATFORM_IDS)[number];

/** True for a known platform id (profiles and run directories are read from disk). */
export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}

/** What a platform's UI tree is: a web DOM (images and canvases carry their role) or native views. */
export const PLATFORM_UI_TREES: Record<PlatformId, 'dom' | 'native'> = { h5: 'dom', android: 'native', ios: 'native', harmonyos: 'native' };

/** The platform of evidence written before screens named theirs (schema v1 device runs were all H5). */
export const EARLY_EVIDENCE_PLATFORM: PlatformId = 'h5';

/** The platforms whose apps come as package files (.apk, .hap/.app, .ipa). */
export type NativePlatformId = Exclude<PlatformId, 'h5'>;
