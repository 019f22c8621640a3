/**
 * The facts a submitted package declares about itself, read statically (nothing is executed).
 * Every fact names the file inside the package it came from, so a report can cite it.
 */
import type { NativePlatformId } from '../platforms/platform-id.js';
import type { RiskClass } from './permissions-catalog.js';

export type { RiskClass } from './permissions-catalog.js';

/** Which platform the package targets, detected from its content. */
export type PackagePlatform = NativePlatformId;

/** A permission the app requests, with its risk class and a Chinese explanation for the lab. */
export interface PermissionFact {
  name: string;
  risk: RiskClass;
  explanationZh: string;
  /** File inside the package that declares it, e.g. `AndroidManifest.xml` or `entry.hap!/module.json`. */
  source: string;
  /** Extra detail from the declaration (maxSdkVersion, usedScene, iOS purpose string). */
  detail?: string;
  /** Set when the package does not name it but the platform grants it anyway (aapt's `uses-implied-permission`): the reason. */
  implied?: string;
}

/** Kinds of declared components. */
export type ComponentKind =
  | 'activity'
  | 'activity-alias'
  | 'service'
  | 'receiver'
  | 'provider'
  | 'ability'
  | 'extension-ability'
  | 'application';

/** A declared component (Android activity/service/…, HarmonyOS ability, iOS application). */
export interface ComponentFact {
  kind: ComponentKind;
  name: string;
  exported?: boolean;
  foregroundServiceType?: string;
  backgroundModes?: string[];
  source: string;
}

/** Network configuration declared by the package. */
export interface NetworkFacts {
  cleartextAllowed?: boolean;
  networkSecurityConfig?: string;
  atsExceptions?: string[];
  source?: string;
}

/** Kinds of network endpoints found in strings. */
export type HostKind = 'hostname' | 'ipv4' | 'ipv6' | 'url-http' | 'url-https';

/** A host, IP literal or URL found in the package's code or resources. */
export interface HostFact {
  value: string;
  kind: HostKind;
  source: string;
}

/** A string the app ships (resource in some locale, or a constant from code). */
export interface StringFact {
  text: string;
  locale?: string;
  source: string;
}

/** What the package says about who it is. */
export interface PackageIdentity {
  packageName: string;
  versionName?: string;
  versionCode?: string;
  minSdk?: string;
  targetSdk?: string;
  label?: string;
  signingCertSha256?: string;
}

/** A place the explorer can open directly. */
export interface EntryPoint {
  kind: 'activity' | 'ability' | 'url-scheme';
  name: string;
}

/** Everything read from one package. */
export interface PackageFacts {
  platform: PackagePlatform;
  /** `apk`, `hap`, `app` (HarmonyOS bundle of haps) or `ipa`. */
  format: 'apk' | 'hap' | 'app' | 'ipa';
  file: { path: string; sizeBytes: number; sha256: string };
  identity: PackageIdentity;
  permissions: PermissionFact[];
  components: ComponentFact[];
  network: NetworkFacts;
  hosts: HostFact[];
  strings: StringFact[];
  urlSchemes: string[];
  entryPoints: EntryPoint[];
  warnings: string[];
}
