/**
 * Android network security config (res/xml/*.xml referenced by android:networkSecurityConfig):
 * whether cleartext HTTP is permitted by default and for which domains.
 * https://developer.android.com/privacy-and-security/security-config
 */
import { attrText, childrenNamed, type XmlElement } from './binary-xml.js';

/** What the config says about cleartext traffic. */
export interface CleartextPolicy {
  /** base-config cleartextTrafficPermitted, when set. */
  baseCleartext?: boolean;
  /** Domains whose domain-config permits cleartext. */
  cleartextDomains: string[];
  /** All domains named in domain-config elements. */
  domains: string[];
}

/** Reads cleartext settings from the parsed config tree. */
export function readNetworkSecurityConfig(root: XmlElement): CleartextPolicy {
  const policy: CleartextPolicy = { cleartextDomains: [], domains: [] };
  const base = childrenNamed(root, 'base-config')[0];
  const baseValue = base ? bool(attrText(base, 'cleartextTrafficPermitted')) : undefined;
  if (baseValue !== undefined) policy.baseCleartext = baseValue;
  visitDomainConfigs(root, undefined, 0, policy);
  return policy;
}

function visitDomainConfigs(element: XmlElement, inherited: boolean | undefined, depth: number, policy: CleartextPolicy): void {
  if (depth > 16) return;
  for (const config of childrenNamed(element, 'domain-config')) {
    const cleartext = bool(attrText(config, 'cleartextTrafficPermitted')) ?? inherited;
    for (const domain of childrenNamed(config, 'domain')) {
      const name = domain.text?.trim();
      if (!name) continue;
      policy.domains.push(name);
      if (cleartext) policy.cleartextDomains.push(name);
    }
    visitDomainConfigs(config, cleartext, depth + 1, policy);
  }
}

function bool(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
