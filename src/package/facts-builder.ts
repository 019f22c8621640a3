/**
 * Accumulates facts while the platform readers walk a package: de-duplicates, caps the string
 * and host lists, and keeps the first source that mentioned each value.
 */
import { findHosts } from './hosts.js';
import type { PackageLimits } from './limits.js';
import { describePermission, type CatalogPlatform } from './permissions-catalog.js';
import type { ComponentFact, EntryPoint, HostFact, NetworkFacts, PackageIdentity, PermissionFact, StringFact } from './types.js';

const MAX_STRING_CHARS = 400;
const CJK_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** True when the text contains a CJK ideograph. */
export function hasCjk(text: string): boolean {
  return CJK_RE.test(text);
}

/** Mutable facts for one package (identity is filled by the platform reader). */
export class FactsBuilder {
  identity: PackageIdentity = { packageName: '' };
  readonly permissions: PermissionFact[] = [];
  readonly components: ComponentFact[] = [];
  network: NetworkFacts = {};
  readonly urlSchemes: string[] = [];
  readonly entryPoints: EntryPoint[] = [];
  readonly warnings: string[] = [];
  private readonly hostList: HostFact[] = [];
  private readonly stringList: StringFact[] = [];
  private readonly seenHosts = new Set<string>();
  private readonly seenStrings = new Set<string>();
  private readonly seenPermissions = new Set<string>();
  private stringsDropped = 0;
  private hostsDropped = 0;

  constructor(
    readonly platform: CatalogPlatform,
    private readonly limits: PackageLimits,
  ) {}

  /** Adds a permission once per name (first declaration wins); `implied` is the reason when the package does not name it. */
  addPermission(name: string, source: string, detail?: string, implied?: string): void {
    if (!name || this.seenPermissions.has(name)) return;
    this.seenPermissions.add(name);
    const { risk, zh } = describePermission(this.platform, name);
    this.permissions.push({ name, risk, explanationZh: zh, source, ...(detail ? { detail } : {}), ...(implied ? { implied } : {}) });
  }

  /** Adds a string the app ships; blank strings are ignored and long ones truncated. */
  addString(text: string, source: string, locale?: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    const clipped = trimmed.length > MAX_STRING_CHARS ? trimmed.slice(0, MAX_STRING_CHARS) : trimmed;
    const key = `${locale ?? ''}\u0000${clipped}`;
    if (this.seenStrings.has(key)) return;
    if (this.stringList.length >= this.limits.maxStrings) {
      this.stringsDropped++;
      return;
    }
    this.seenStrings.add(key);
    this.stringList.push(locale ? { text: clipped, locale, source } : { text: clipped, source });
  }

  /** Scans a string for endpoints and adds them. */
  scanHosts(text: string, source: string, wholeStringHost = false): void {
    for (const host of findHosts(text, source, wholeStringHost)) this.addHost(host);
  }

  /** Adds one endpoint once per (kind, value). */
  addHost(host: HostFact): void {
    const key = `${host.kind}\u0000${host.value}`;
    if (this.seenHosts.has(key)) return;
    if (this.hostList.length >= this.limits.maxHosts) {
      this.hostsDropped++;
      return;
    }
    this.seenHosts.add(key);
    this.hostList.push(host);
  }

  /** Adds a URL scheme (lower-cased) once, and the matching entry point. */
  addUrlScheme(scheme: string): void {
    const lower = scheme.toLowerCase();
    if (!lower || this.urlSchemes.includes(lower)) return;
    this.urlSchemes.push(lower);
    this.entryPoints.push({ kind: 'url-scheme', name: lower });
  }

  /** Final string list, with a warning when the cap dropped some. */
  strings(): StringFact[] {
    if (this.stringsDropped > 0) {
      this.warnings.push(`Kept the first ${this.limits.maxStrings} distinct strings and dropped ${this.stringsDropped} more (maxStrings).`);
      this.stringsDropped = 0;
    }
    return this.stringList;
  }

  /** Final host list, with a warning when the cap dropped some. */
  hosts(): HostFact[] {
    if (this.hostsDropped > 0) {
      this.warnings.push(`Kept the first ${this.limits.maxHosts} distinct hosts and dropped ${this.hostsDropped} more (maxHosts).`);
      this.hostsDropped = 0;
    }
    return this.hostList;
  }
}
