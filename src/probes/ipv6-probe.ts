/**
 * IPv6: an app served from a local folder is served again on IPv6 loopback ([::1]) and loaded;
 * it works when its screen shows text and none of its own requests fail. Loopback shows that the
 * app itself does not hard-code IPv4; it says nothing about the production network, so the check
 * never passes on this alone.
 */
import type { Ipv6ProbeEvent } from '../evidence/probe-types.js';
import type { NetworkEvent } from '../evidence/types.js';
import { skipped, type Probe, type ProbeContext, type ProbeSummary } from './probe.js';
import { errorSentence } from './probe-run.js';

export const ipv6Probe: Probe<'networkTap', 'loopbackServer'> = {
  id: 'ipv6',
  title: 'IPv6 回环加载',
  needs: ['networkTap'],
  uses: ['loopbackServer'],
  async run(ctx): Promise<ProbeSummary> {
    const { networkTap: tap, loopbackServer: loopback } = ctx.tools;
    // Absent for an H5 app given by URL and for native packages alike: neither can be served again from this host.
    if (!loopback) return notTested(ctx, '本机无法改用 IPv6 回环地址提供该应用（以网址提供的 H5 应用、原生应用安装包均不能由本机改址提供）；需在支持 IPv6 的网络中测试。');
    let server: { url: string; close(): Promise<void> };
    try {
      server = await loopback.serveOverIpv6();
    } catch (error) {
      // A host without IPv6 loopback says nothing about the app: not tested, not a probe failure.
      return notTested(ctx, `本机无法在 IPv6 回环地址 [::1] 上提供服务（${errorSentence(error)}），未能测试。`);
    }
    try {
      await tap.drain('ipv6');
      tap.flush('ipv6');
      await loopback.open(server.url);
      await ctx.device.settle();
      await ctx.sleep(500);
      const snapshot = await ctx.device.snapshot();
      const requests = [...(await tap.drain('ipv6')), ...tap.flush('ipv6')];
      const failed = ownFailures(requests, server.url);
      const visible = snapshot.visibleText.trim().length;
      const event: Ipv6ProbeEvent = { type: 'ipv6-probe', mode: 'loopback', url: server.url, loaded: visible > 0 && failed.length === 0, visibleTextChars: visible, failedRequests: failed.slice(0, 20) };
      for (const r of requests) ctx.store.append(r);
      ctx.store.append(event);
      return { status: 'done', text: `经 IPv6 回环 ${server.url} 加载：${event.loaded ? '成功' : '失败'}（可见文字 ${visible} 字，失败请求 ${failed.length} 个）。` };
    } finally {
      await server.close();
    }
  },
};

/** One `not-tested` event and a skipped summary with the same reason. */
function notTested(ctx: Pick<ProbeContext, 'store'>, reason: string): ProbeSummary {
  const event: Ipv6ProbeEvent = { type: 'ipv6-probe', mode: 'not-tested', reason };
  ctx.store.append(event);
  return skipped(reason);
}

/** Failed requests of the app's own origin (third parties and the browser's favicon are not the app's IPv6 problem). */
export function ownFailures(requests: readonly NetworkEvent[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests
    .filter((r) => r.url.startsWith(origin) && !r.url.endsWith('/favicon.ico') && (r.failed === true || (r.status ?? 0) >= 400))
    .map((r) => `${r.method} ${r.url}${r.errorText ? ` (${r.errorText})` : ''}`);
}
