/**
 * WebTools for the H5 path: WebdriverIO (classic) for scripts, logs and navigation; the DevTools
 * protocol through Appium's /goog/cdp/execute route for the init script and metrics.
 */
import { readFileSync } from 'node:fs';
import { AppiumCdp, type Cdp } from '../../platforms/h5/cdp.js';
import { HarRecorder } from '../har.js';
import type { PermissionMode, WebTools } from '../probe.js';

const INSTRUMENT_SOURCE = readFileSync(new URL('../instrument.browser.js', import.meta.url), 'utf8');
const CLOCK_SOURCE = readFileSync(new URL('../clock.browser.js', import.meta.url), 'utf8');

/** The page-side instrumentation for a mode, as an init-script source. */
export function instrumentationScript(mode: PermissionMode): string {
  return `${INSTRUMENT_SOURCE}\ngovappInstrument(${JSON.stringify(mode)});`;
}

export interface H5ToolOptions {
  /** The DevTools protocol client; by default one on Appium's port for the browser's session id. */
  cdp?: Cdp;
  appiumPort?: number;
  serveOverIpv6?: WebTools['serveOverIpv6'];
}

/** Builds the tools over a WebdriverIO browser bound to an Appium chromium session. */
export function h5WebTools(browser: WebdriverIO.Browser, options: H5ToolOptions): WebTools {
  const cdp = options.cdp ?? new AppiumCdp(`http://127.0.0.1:${options.appiumPort ?? 4723}`, browser.sessionId);
  const recorder = new HarRecorder();
  let scriptId: string | undefined;
  let clockId: string | undefined;
  const tools: WebTools = {
    cdp,
    execute: <T>(script: string, ...args: unknown[]) => browser.execute(script, ...args) as Promise<T>,
    async instrument(mode) {
      await cdp.send('Page.enable');
      // Removal may not take through chromedriver's session; the script itself lets the last mode win.
      if (scriptId) await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier: scriptId }).catch(() => undefined);
      const added = await cdp.send<{ identifier: string }>('Page.addScriptToEvaluateOnNewDocument', { source: instrumentationScript(mode) });
      scriptId = added.identifier;
    },
    async setClockOffset(ms) {
      if (clockId) await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier: clockId }).catch(() => undefined);
      const added = await cdp.send<{ identifier: string }>('Page.addScriptToEvaluateOnNewDocument', { source: `${CLOCK_SOURCE}\ngovappClock(${ms});` });
      clockId = added.identifier;
    },
    async drainRequests(probe) {
      const entries = (await browser.getLogs('performance')) as { message: string; timestamp?: number }[];
      return recorder.feed(entries).map((r) => ({ ...r, probe }));
    },
    flushRequests: () => recorder.flush(),
    navigate: async (url) => { await browser.url(url); },
  };
  if (options.serveOverIpv6) tools.serveOverIpv6 = options.serveOverIpv6;
  return tools;
}

