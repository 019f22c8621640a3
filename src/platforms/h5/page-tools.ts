/**
 * What the H5 probe tools are built from: WebdriverIO (classic) for page scripts and logs, the
 * DevTools protocol through Appium's /goog/cdp/execute route for init scripts, cookies, metrics
 * and trusted input, and the one performance-log parser for requests.
 */
import { readFileSync } from 'node:fs';
import type { NetworkEvent } from '../../evidence/types.js';
import type { PermissionMode } from '../../probes/probe-tools.js';
import type { Cdp } from './cdp.js';
import { NetworkLogAssembler } from './perf-log.js';

const INSTRUMENT_SOURCE = readFileSync(new URL('./instrument.browser.js', import.meta.url), 'utf8');
const CLOCK_SOURCE = readFileSync(new URL('./clock.browser.js', import.meta.url), 'utf8');

/** The page-side instrumentation for a mode, as an init-script source. */
export function instrumentationScript(mode: PermissionMode): string {
  return `${INSTRUMENT_SOURCE}\ngovappInstrument(${JSON.stringify(mode)});`;
}

/** Scripts in the current page. */
export interface PageScripts {
  execute<T>(script: string, ...args: unknown[]): Promise<T>;
}

export interface PageTools extends PageScripts {
  cdp: Cdp;
  /** Installs the instrumentation (permission answers, long tasks) for documents loaded from now on. */
  instrument(mode: PermissionMode): Promise<void>;
  /** Moves the page clock (Date) forward by `ms` for documents loaded from now on; 0 restores it. */
  setClockOffset(ms: number): Promise<void>;
  /** Requests completed since the last call, tagged with `probe`. */
  drainRequests(probe: string): Promise<NetworkEvent[]>;
  /** Requests still in flight, tagged with `probe`, forgotten afterwards. */
  flushRequests(probe: string): NetworkEvent[];
}

/** The page tools over a WebdriverIO browser bound to an Appium chromium session. */
export function pageTools(browser: WebdriverIO.Browser, cdp: Cdp): PageTools {
  const log = new NetworkLogAssembler();
  let scriptId: string | undefined;
  let clockId: string | undefined;
  const tagged = (probe: string) => (r: Omit<NetworkEvent, 'type'>): NetworkEvent => ({ type: 'network', ...r, probe });
  return {
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
      return log.feed(entries).map(tagged(probe));
    },
    flushRequests: (probe) => log.flush().map(tagged(probe)),
  };
}
