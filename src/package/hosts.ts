/**
 * Finds network endpoints in strings: http/https URLs, IPv4 and IPv6 literals, and bare
 * hostnames. Known false positives: four-part version numbers look like IPv4 literals
 * ("1.2.3.4"), and a string that is exactly a domain name may be a config key. XML namespace
 * URIs (schemas.android.com, www.w3.org, …) are identifiers, not traffic, and are skipped.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { HostFact, HostKind } from './types.js';

const URL_RE = /\b(https?):\/\/([^\s"'<>\\^`{|}\u0000-\u001f\u007f-\u009f]+)/gi;
const IPV4_RE = /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w.]|:\/)/g;
const TLDS = new Set([
  'cn', 'com', 'net', 'org', 'gov', 'edu', 'mil', 'int', 'io', 'cc', 'top', 'xyz', 'info', 'biz', 'me', 'tv', 'co',
  'app', 'dev', 'vip', 'site', 'online', 'tech', 'ltd', 'club', 'wang', 'shop', 'hk', 'mo', 'tw', 'jp', 'kr', 'us',
  'uk', 'de', 'fr', 'ru', 'sg', 'cloud', 'link', 'work', 'pro', 'mobi', 'asia', 'ink', 'fun', 'red', 'xin',
]);
const CODE_PREFIXES = new Set(['android', 'androidx', 'java', 'javax', 'kotlin', 'kotlinx', 'dalvik', 'ohos', 'junit', 'okhttp3']);
const HOSTNAME_RE = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})$/;
const IGNORED_URL_HOSTS = new Set([
  'schemas.android.com', 'www.w3.org', 'ns.adobe.com', 'xmlpull.org', 'www.apple.com', 'purl.org', 'xml.org',
  'www.xml.org', 'java.sun.com', 'xml.apache.org', 'schemas.xmlsoap.org', 'www.wapforum.org', 'schemas.microsoft.com',
]);

/** Endpoints found in one string; `wholeStringHost` also accepts a string that is only a hostname. */
export function findHosts(text: string, source: string, wholeStringHost = false): HostFact[] {
  const found: HostFact[] = [];
  const add = (value: string, kind: HostKind): void => {
    found.push({ value, kind, source });
  };
  if (text.includes('://')) {
    for (const match of text.matchAll(URL_RE)) {
      const scheme = (match[1] ?? '').toLowerCase();
      const url = trimUrl(`${scheme}://${match[2] ?? ''}`);
      const host = urlHost(url);
      if (!host || IGNORED_URL_HOSTS.has(host) || CODE_PREFIXES.has(host.slice(0, host.indexOf('.')))) continue;
      add(url, scheme === 'https' ? 'url-https' : 'url-http');
      addHost(host, add);
    }
  }
  if (/\d\.\d/.test(text)) {
    const withoutUrls = text.replace(URL_RE, ' ');
    for (const match of withoutUrls.matchAll(IPV4_RE)) {
      const ip = match[1] ?? '';
      if (isIPv4(ip) && !ip.startsWith('0.')) add(ip, 'ipv4');
    }
  }
  if (wholeStringHost) {
    const trimmed = text.trim();
    // At least two groups: "a::" and "::" are too short to be addresses worth reporting.
    if (isIPv6(trimmed) && trimmed.split(':').filter(Boolean).length >= 2) add(trimmed.toLowerCase(), 'ipv6');
    else if (isHostname(trimmed)) add(trimmed.toLowerCase(), 'hostname');
  }
  return found;
}

/** True when the string is a plausible public hostname with a known top-level domain. */
export function isHostname(text: string): boolean {
  if (text !== text.toLowerCase()) return false;
  const match = HOSTNAME_RE.exec(text);
  if (match === null || !TLDS.has(match[1] ?? '')) return false;
  // Reverse-DNS names (com.example.app, cn.gov.x.dev) are Java/Ark package names, not hosts.
  const first = text.slice(0, text.indexOf('.'));
  return !TLDS.has(first) && !CODE_PREFIXES.has(first);
}

function addHost(host: string, add: (value: string, kind: HostKind) => void): void {
  if (host.startsWith('[')) {
    const inner = host.slice(1, -1);
    if (isIPv6(inner)) add(inner.toLowerCase(), 'ipv6');
  } else if (isIPv4(host)) add(host, 'ipv4');
  else if (/^[a-z0-9.-]+$/i.test(host) && host.includes('.')) add(host.toLowerCase(), 'hostname');
}

function urlHost(url: string): string | undefined {
  const rest = url.slice(url.indexOf('://') + 3);
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return close > 0 ? hostPort.slice(0, close + 1) : undefined;
  }
  const host = hostPort.split(':', 1)[0] ?? '';
  return host.length > 0 ? host.toLowerCase() : undefined;
}

function trimUrl(url: string): string {
  const trimmed = url.replace(/[),.;:!?\]}>'"，。；）】]+$/u, '');
  return trimmed.length > 300 ? trimmed.slice(0, 300) : trimmed;
}
