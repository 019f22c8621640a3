/**
 * ipv6-readiness — 第十六条: 支持 IPv6.
 * Fails on requests to hosts given as IPv4 literals (unreachable on an IPv6-only network) and on
 * an app that does not load over IPv6 loopback. Passes only when, on a real network, every
 * response of the app came over IPv6; loopback alone never passes.
 * Known limits: the share over IPv6 depends on the lab's network; a dual-stack lab that prefers
 * IPv4 makes this inconclusive, not failed.
 */
import { isIP } from 'node:net';
import type { EvidenceBundle, NetworkEvent } from '../../evidence/types.js';
import type { Finding } from '../result.js';
import type { Detector } from './types.js';

export const FULL_IPV6_TEST = '完整的 IPv6 测试需在仅 IPv6（或双栈且优先 IPv6）的真实网络中运行应用，统计其全部流量（含第三方域名）经 IPv6 承载的比例，并确认各域名均有 AAAA 记录。';

export const detectIpv6Readiness: Detector = (bundle) => {
  const findings = [...ipv4LiteralFindings(bundle), ...loopbackFailure(bundle)];
  const share = ipv6Share(bundle);
  const details = { ...(share ? { ipv6Share: share } : {}), ...(bundle.probes?.ipv6 ? { loopback: bundle.probes.ipv6 } : {}) };
  if (findings.length > 0) return { findings, details };
  if (share && share.total > 0 && share.ipv6 === share.total) return { findings, details };
  const loopback = bundle.probes?.ipv6;
  const measured = loopback?.mode === 'loopback' && loopback.loaded
    ? `应用经 IPv6 回环地址 ${loopback.url ?? '[::1]'} 加载成功，请求中没有 IPv4 字面地址，只说明应用本身未写死 IPv4；`
    : '未能在 IPv6 上加载应用（探针未运行或该平台不支持）；';
  const network = share && share.total > 0 ? `在实验室网络中 ${share.total} 个响应有 ${share.ipv6} 个经 IPv6 承载；` : '';
  return { findings, details, inconclusiveReason: `${measured}${network}${FULL_IPV6_TEST}` };
};

/** The host of a URL if it is an IPv4 literal outside loopback (the lab's own serving). */
export function ipv4LiteralHost(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return isIP(host) === 4 && !host.startsWith('127.') ? host : undefined;
}

function ipv4LiteralFindings(bundle: EvidenceBundle): Finding[] {
  const byHost = new Map<string, NetworkEvent[]>();
  for (const r of bundle.network) {
    const host = ipv4LiteralHost(r.url);
    if (host) byHost.set(host, [...(byHost.get(host) ?? []), r]);
  }
  return [...byHost].map(([host, requests]) => ({
    summary: `应用向 IPv4 字面地址 ${host} 发出 ${requests.length} 个请求（如 ${requests[0]!.method} ${requests[0]!.url}），在仅 IPv6 的网络中无法访问。`,
    source: 'network' as const,
    text: requests.slice(0, 3).map((r) => r.url).join('\n'),
    evidence: [],
    confidence: 0.9,
    severity: 'present' as const,
    request: { method: requests[0]!.method, url: requests[0]!.url },
  }));
}

function loopbackFailure(bundle: EvidenceBundle): Finding[] {
  const probe = bundle.probes?.ipv6;
  if (probe?.mode !== 'loopback' || probe.loaded !== false) return [];
  return [{
    summary: `应用经 IPv6 回环地址 ${probe.url ?? '[::1]'} 加载失败（可见文字 ${probe.visibleTextChars ?? 0} 字，失败请求 ${probe.failedRequests?.length ?? 0} 个）。`,
    source: 'probe',
    text: (probe.failedRequests ?? []).join('\n').slice(0, 400),
    evidence: [],
    confidence: 0.85,
    severity: 'present',
  }];
}

/** Responses over IPv6 vs all, counting only non-loopback servers (the lab's real network). */
export function ipv6Share(bundle: EvidenceBundle): { ipv6: number; total: number } | undefined {
  const remote = bundle.network.map((r) => r.remoteIp).filter((ip): ip is string => !!ip && ip !== '::1' && !ip.startsWith('127.') && ip !== '[::1]');
  if (remote.length === 0) return undefined;
  return { ipv6: remote.filter((ip) => ip.includes(':')).length, total: remote.length };
}
