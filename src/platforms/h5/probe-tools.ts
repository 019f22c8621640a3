/**
 * The probe tools of the H5 platform: WebdriverIO (classic) for page scripts and logs, the
 * DevTools protocol through Appium's /goog/cdp/execute route for init scripts, cookies, metrics
 * and trusted input. Built per probe from the browser's current session.
 */
import type { ProbeTools } from '../../probes/probe-tools.js';
import type { ProbeToolContext } from '../platform.js';
import { browserCdp } from './cdp.js';
import { measureScrollFrames } from './frame-pacing.js';
import { readPageFigures } from './page-figures.js';
import { pageTools } from './page-tools.js';
import { readSessionClues } from './session-clues.js';
import { SETUP_TAP_SCRIPT, timeTap, touchAndRead } from './tap-timing.js';

/** Every probe tool; the loopback server only when the run can serve the app's folder. */
export function h5ProbeTools(browser: WebdriverIO.Browser, ctx: ProbeToolContext): ProbeTools {
  const web = pageTools(browser, browserCdp(browser));
  const appUrl = ctx.app.url ?? ctx.app.target;
  let aimed: { x: number; y: number } | undefined;
  let metricsOn = false;
  const tools: ProbeTools = {
    networkTap: {
      drain: (probe) => web.drainRequests(probe),
      flush: (probe) => web.flushRequests(probe),
    },
    permissionControl: {
      answerWith: (mode) => web.instrument(mode),
      markUserAction: async () => { await web.execute('if (window.__govappProbe) window.__govappProbe.userActed = true;'); },
      requests: async () => (await readPageFigures(web)).calls,
    },
    clockControl: {
      setOffset: (ms) => web.setClockOffset(ms),
      sessionClues: () => readSessionClues(web, appUrl),
      async expireAfter(clues, hours) {
        for (const cookie of clues.cookies) {
          if (cookie.expiresInHours !== undefined && cookie.expiresInHours <= hours) {
            await web.cdp.send('Network.deleteCookies', { name: cookie.name, url: appUrl }).catch(() => undefined);
          }
        }
      },
    },
    performanceMeter: {
      memoryLabel: 'JS 堆',
      async prepareLaunch() {
        await web.instrument('granted');
        await web.cdp.send('Network.clearBrowserCache').catch(() => undefined);
        await web.cdp.send('Performance.enable').catch(() => undefined);
        metricsOn = true;
      },
      launchFigures: () => readPageFigures(web),
      async memory() {
        try {
          // Performance.getMetrics answers only once the domain is enabled.
          if (!metricsOn) await web.cdp.send('Performance.enable').catch(() => undefined);
          metricsOn = true;
          const { metrics } = await web.cdp.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
          const value = (name: string) => metrics.find((m) => m.name === name)?.value;
          const used = value('JSHeapUsedSize');
          const total = value('JSHeapTotalSize');
          return { ...(used !== undefined ? { usedBytes: used } : {}), ...(total !== undefined ? { totalBytes: total } : {}) };
        } catch {
          return {};
        }
      },
      scrollFrames: () => measureScrollFrames(web),
    },
    inputTimer: {
      input: 'cdp-touch',
      async aim(locator) {
        const target = JSON.parse(await web.execute<string>(SETUP_TAP_SCRIPT, locator)) as { x: number; y: number; text: string; error?: string };
        if (target.error) return { error: target.error };
        aimed = { x: target.x, y: target.y };
        return { text: target.text };
      },
      async tapAimed(sleep) {
        if (!aimed) return { reason: '未先定位控件。' };
        const record = await touchAndRead(web, aimed.x, aimed.y, sleep);
        return typeof record === 'string' ? { reason: record } : timeTap(record);
      },
    },
  };
  const serve = ctx.serveOverIpv6;
  if (serve) tools.loopbackServer = { serveOverIpv6: serve, open: async (url) => { await browser.url(url); } };
  return tools;
}
