/**
 * An H5 device outside the WebdriverIO testrunner, for `govapp-audit replay` and the exploration
 * benchmark: Appium 3 started in this process from the local `appium` package, a WebdriverIO
 * `remote()` session with the same capabilities as an audit (src/runner/capabilities.ts), and
 * an H5Session over it. close() ends the session, stops Appium and sweeps what the run started.
 */
import { useProjectAppiumHome } from './appium-home.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditError } from '../core/errors.js';
import { TOOL } from '../core/tool.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../checks/detectors/types.js';
import type { DeviceProfile } from '../devices/profile.js';
import { H5Session } from '../device/h5/h5-session.js';
import { h5Capabilities } from './capabilities.js';
import { freePort } from './ports.js';
import { registerActiveRun, sweepProcesses } from './process-sweep.js';
import type { RunConfig } from './run-config.js';

export interface H5Device {
  browser: WebdriverIO.Browser;
  session: H5Session;
  close(): Promise<void>;
}

interface AppiumServer { close(): Promise<void> }

/** Starts Appium and a Chromium session emulating `device`, pointed at `url`. */
export async function startH5Device(device: DeviceProfile, url: string): Promise<H5Device> {
  const scratchDir = mkdtempSync(join(tmpdir(), 'govapp-audit-device-'));
  const unregister = registerActiveRun(scratchDir);
  const port = await freePort();
  let server: AppiumServer | undefined;
  let browser: WebdriverIO.Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.deleteSession().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await sweepProcesses(scratchDir, 1000);
    rmSync(scratchDir, { recursive: true, force: true });
    unregister();
  };
  try {
    server = await startAppium(port, join(scratchDir, 'appium.log'));
    const config = pseudoRunConfig(device, url, scratchDir, port, await freePort());
    const { remote } = await import('webdriverio');
    browser = await remote({ hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 1, capabilities: h5Capabilities(config) });
    const exploration = device.exploration ?? {};
    return { browser, session: new H5Session(browser, url, exploration.settleQuietMs, exploration.settleMaxMs), close };
  } catch (error) {
    await close();
    throw new AuditError('runner-failed', `Could not start Appium and Chromium: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

async function startAppium(port: number, logFile: string): Promise<AppiumServer> {
  // Appium's home is the project: the chromium driver is an npm dependency found in node_modules.
  useProjectAppiumHome();
  const { main } = await import('appium');
  const args = { address: '127.0.0.1', port, log: logFile, loglevel: 'error:info', useDrivers: ['chromium'] };
  return (await main(args as Parameters<typeof main>[0])) as unknown as AppiumServer;
}

/** The parts of a run configuration the capabilities builder reads. */
function pseudoRunConfig(device: DeviceProfile, url: string, scratchDir: string, appiumPort: number, chromedriverPort: number): RunConfig {
  return {
    schemaVersion: 1, runId: 'device', outDir: scratchDir, scratchDir, app: { target: url, platform: 'h5', url }, device,
    budgetSeconds: 0, maxActions: 0, exemptions: {}, appiumPort, chromedriverPort, settings: DEFAULT_DETECTOR_SETTINGS, tool: TOOL, startedAt: new Date().toISOString(),
  };
}
