/**
 * A device outside the WebdriverIO testrunner, for `govapp-audit replay`, the benchmarks and e2e
 * tests: Appium 3 started in this process from the local `appium` package with the profile's
 * platform driver, a WebdriverIO `remote()` session with the same capabilities as an audit (the
 * platform registry), and the platform's DeviceSession over it. close() ends the session, stops
 * Appium and sweeps what the run started.
 */
import { useProjectAppiumHome } from './appium-home.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditError } from '../core/errors.js';
import type { DeviceSession } from '../device/device-session.js';
import type { DeviceProfile } from '../devices/profile.js';
import type { AppUnderTest, DeviceSlot, PreparedRun } from '../platforms/platform.js';
import { inspectPackage } from '../package/index.js';
import { runnablePlatform } from '../platforms/registry.js';
import { freePort } from './ports.js';
import { registerActiveRun, sweepProcesses } from './process-sweep.js';

export interface StandaloneDevice {
  browser: WebdriverIO.Browser;
  session: DeviceSession;
  close(): Promise<void>;
}

interface AppiumServer { close(): Promise<void> }

/** Starts Appium and a session of the profile's platform on this host, with the app opened at `app.url` or installed from `app.packageFile`. */
export async function startDevice(profile: DeviceProfile, app: AppUnderTest): Promise<StandaloneDevice> {
  const platform = runnablePlatform(profile.platform);
  platform.systemCheck();
  const scratchDir = mkdtempSync(join(tmpdir(), 'govapp-audit-device-'));
  const unregister = registerActiveRun(scratchDir);
  const port = await freePort();
  let server: AppiumServer | undefined;
  let browser: WebdriverIO.Browser | undefined;
  let prepared: PreparedRun | undefined;
  const close = async (): Promise<void> => {
    await browser?.deleteSession().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await prepared?.stop().catch(() => undefined);
    await sweepProcesses(scratchDir, 1000);
    rmSync(scratchDir, { recursive: true, force: true });
    unregister();
  };
  try {
    const slot: DeviceSlot = { ports: { appium: port, chromedriverPort: await freePort() }, scratchDir };
    if (platform.prepareRun) {
      // A native app: the device made ready (a simulated one when the profile says so) before Appium starts, as in a run.
      const facts = app.packageFile ? await inspectPackage(app.packageFile) : undefined;
      prepared = await platform.prepareRun({ app, profile, slot, ...(facts ? { facts } : {}) });
      Object.assign(process.env, prepared.env);
    }
    server = await startAppium(port, join(scratchDir, 'appium.log'), platform.appiumDriver, platform.appiumArgs?.allowInsecure);
    const { remote } = await import('webdriverio');
    browser = await remote({ hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 1, capabilities: platform.capabilities(profile, slot, app) });
    return { browser, session: platform.openSession(browser, { app, profile, slot }), close };
  } catch (error) {
    await close();
    throw new AuditError('runner-failed', `Could not start Appium and a ${platform.title} session: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** Starts Appium and a session opening `url` (an H5 app, or whatever the profile's platform opens by URL). */
export function startUrlDevice(profile: DeviceProfile, url: string): Promise<StandaloneDevice> {
  return startDevice(profile, { target: url, url });
}

async function startAppium(port: number, logFile: string, driver: string, allowInsecure?: string[]): Promise<AppiumServer> {
  // Appium's home is the project: the drivers are npm dependencies found in node_modules.
  useProjectAppiumHome();
  const { main } = await import('appium');
  const args = { address: '127.0.0.1', port, log: logFile, loglevel: 'error:info', useDrivers: [driver], ...(allowInsecure ? { allowInsecure } : {}) };
  return (await main(args as Parameters<typeof main>[0])) as unknown as AppiumServer;
}
