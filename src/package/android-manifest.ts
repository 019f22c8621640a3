/**
 * Facts from a parsed AndroidManifest.xml: identity, uses-permission, components with exported
 * flags and foreground-service types, URL schemes and launchable activities.
 * Pure: the caller supplies the parsed tree and a resource resolver.
 */
import { attrBool, attrRef, attrText, childrenNamed, type XmlElement } from './binary-xml.js';
import type { FactsBuilder } from './facts-builder.js';
import { impliedPermissions } from './implied-permissions.js';
import type { ComponentKind, PackageIdentity } from './types.js';

/** Resolves a resource id to its default-configuration string, if it has one. */
export type ResolveString = (id: number) => string | undefined;

/** What the APK reader needs back beyond what goes into the builder. */
export interface ManifestSummary {
  identity: PackageIdentity;
  targetSdk?: number;
  usesCleartextTraffic?: boolean;
  networkSecurityConfigId?: number;
}

const SOURCE = 'AndroidManifest.xml';
const PERMISSION_TAGS = ['uses-permission', 'uses-permission-sdk-23', 'uses-permission-sdk-m'];
const COMPONENT_TAGS: Record<string, ComponentKind> = {
  activity: 'activity',
  'activity-alias': 'activity-alias',
  service: 'service',
  receiver: 'receiver',
  provider: 'provider',
};
/** ServiceInfo.FOREGROUND_SERVICE_TYPE_* bits. */
const FOREGROUND_TYPES: [number, string][] = [
  [0x1, 'dataSync'], [0x2, 'mediaPlayback'], [0x4, 'phoneCall'], [0x8, 'location'], [0x10, 'connectedDevice'],
  [0x20, 'mediaProjection'], [0x40, 'camera'], [0x80, 'microphone'], [0x100, 'health'], [0x200, 'remoteMessaging'],
  [0x400, 'systemExempted'], [0x800, 'shortService'], [0x1000, 'fileManagement'], [0x2000, 'mediaProcessing'],
  [0x40000000, 'specialUse'],
];

/** Reads the manifest tree into the builder and returns identity and network hints. */
export function readManifest(root: XmlElement, resolve: ResolveString, builder: FactsBuilder): ManifestSummary {
  const text = (element: XmlElement, name: string): string | undefined => {
    const ref = attrRef(element, name);
    return ref !== undefined ? resolve(ref) : attrText(element, name);
  };
  const packageName = attrText(root, 'package') ?? '';
  const sdk = childrenNamed(root, 'uses-sdk')[0];
  const application = childrenNamed(root, 'application')[0];
  const identity: PackageIdentity = { packageName };
  setIf(identity, 'versionCode', attrText(root, 'versionCode'));
  setIf(identity, 'versionName', text(root, 'versionName'));
  setIf(identity, 'minSdk', sdk ? text(sdk, 'minSdkVersion') : undefined);
  setIf(identity, 'targetSdk', sdk ? text(sdk, 'targetSdkVersion') : undefined);
  setIf(identity, 'label', application ? text(application, 'label') : undefined);
  const declared = new Map<string, string | undefined>();
  for (const tag of PERMISSION_TAGS) {
    for (const element of childrenNamed(root, tag)) {
      const name = text(element, 'name') ?? '';
      const maxSdk = attrText(element, 'maxSdkVersion');
      if (!declared.has(name)) declared.set(name, maxSdk);
      builder.addPermission(name, SOURCE, maxSdk ? `maxSdkVersion=${maxSdk}` : tag === 'uses-permission' ? undefined : tag);
    }
  }
  if (application) readComponents(application, packageName, text, builder);
  // aapt's effective target: targetSdkVersion, else minSdkVersion, else 0; a codename means a preview SDK (high).
  const targetSdk = sdk ? Number(identity.targetSdk ?? identity.minSdk ?? '0') : 0;
  for (const implied of impliedPermissions(declared, Number.isFinite(targetSdk) ? targetSdk : 10_000)) {
    builder.addPermission(implied.name, SOURCE, implied.maxSdkVersion ? `maxSdkVersion=${implied.maxSdkVersion}` : undefined, implied.reason);
  }
  const summary: ManifestSummary = { identity };
  if (Number.isFinite(targetSdk)) summary.targetSdk = targetSdk;
  const cleartext = application ? attrBool(application, 'usesCleartextTraffic') : undefined;
  if (cleartext !== undefined) summary.usesCleartextTraffic = cleartext;
  const nsc = application ? attrRef(application, 'networkSecurityConfig') : undefined;
  if (nsc !== undefined) summary.networkSecurityConfigId = nsc;
  return summary;
}

function readComponents(
  application: XmlElement,
  packageName: string,
  text: (element: XmlElement, name: string) => string | undefined,
  builder: FactsBuilder,
): void {
  for (const element of application.children) {
    const kind = COMPONENT_TAGS[element.name];
    if (!kind) continue;
    const name = qualify(text(element, 'name') ?? '', packageName);
    const filters = childrenNamed(element, 'intent-filter');
    const exported = attrBool(element, 'exported') ?? filters.length > 0;
    const fgs = kind === 'service' ? foregroundServiceType(element) : undefined;
    builder.components.push({ kind, name, exported, ...(fgs ? { foregroundServiceType: fgs } : {}), source: SOURCE });
    const isActivity = kind === 'activity' || kind === 'activity-alias';
    if (isActivity && (exported || isLauncher(filters))) builder.entryPoints.push({ kind: 'activity', name });
    for (const filter of filters) {
      for (const data of childrenNamed(filter, 'data')) {
        const scheme = text(data, 'scheme');
        if (scheme && !/^(https?|file|content)$/i.test(scheme)) builder.addUrlScheme(scheme);
        const host = text(data, 'host');
        if (host && scheme) builder.scanHosts(`${scheme}://${host}/`, SOURCE);
      }
    }
  }
}

function foregroundServiceType(element: XmlElement): string | undefined {
  const value = element.attrs.get('foregroundServiceType');
  if (!value) return undefined;
  if (value.dataType === 0x10 || value.dataType === 0x11) {
    const names = FOREGROUND_TYPES.filter(([bit]) => (value.data & bit) !== 0).map(([, n]) => n);
    return names.length > 0 ? names.join('|') : `0x${value.data.toString(16)}`;
  }
  return value.str;
}

function isLauncher(filters: XmlElement[]): boolean {
  return filters.some((filter) => {
    const actions = childrenNamed(filter, 'action').map((a) => attrText(a, 'name'));
    const categories = childrenNamed(filter, 'category').map((c) => attrText(c, 'name'));
    return actions.includes('android.intent.action.MAIN') && categories.includes('android.intent.category.LAUNCHER');
  });
}

/** Expands `.Foo` and `Foo` component names against the package, as the framework does. */
export function qualify(name: string, packageName: string): string {
  if (name.startsWith('.')) return `${packageName}${name}`;
  if (!name.includes('.') && name) return `${packageName}.${name}`;
  return name;
}

function setIf<K extends keyof PackageIdentity>(target: PackageIdentity, key: K, value: PackageIdentity[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}
