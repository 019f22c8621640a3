/** Starts the simulated HarmonyOS device, Appium 3 with the HarmonyOS driver from the project's home, and a WebdriverIO session on the sample. */
import { join } from 'node:path';
import type { Browser } from 'webdriverio';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { freePort } from '../../src/runner/ports.js';
import { useProjectAppiumHome } from '../../src/runner/appium-home.js';
import { startSimHarmony, type SimHarmonyHandle } from '../../src/sim/harmonyos/start-sim-harmonyos.js';

export interface HarmonyAppiumRun {
  sim: SimHarmonyHandle;
  browser: Browser;
  sessionStartMs: number;
  stop(): Promise<void>;
}

export async function startHarmonyAppium(sample = 'harmony-violating.hap', extraCaps: Record<string, unknown> = {}): Promise<HarmonyAppiumRun> {
  const sim = await startSimHarmony();
  useProjectAppiumHome();
  const port = await freePort();
  const { main } = await import('appium');
  const server = (await main({ address: '127.0.0.1', port, loglevel: 'error', useDrivers: ['harmonyos'] })) as unknown as { close(): Promise<void> };
  const { remote } = await import('webdriverio');
  const capabilities: Record<string, unknown> = {
    platformName: 'HarmonyOS', 'appium:automationName': 'HarmonyOS', 'appium:app': join(PROJECT_ROOT, 'samples', sample),
    'appium:udid': sim.udid, 'appium:hdcPath': sim.hdcPath, 'appium:newCommandTimeout': 120, 'wdio:enforceWebDriverClassic': true, ...extraCaps,
  };
  const started = Date.now();
  try {
    const browser = await remote({
      hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 0,
      capabilities,
    });
    return {
      sim, browser, sessionStartMs: Date.now() - started,
      async stop() {
        await browser.deleteSession().catch(() => undefined);
        await server.close();
        await sim.stop();
      },
    };
  } catch (error) {
    await server.close();
    await sim.stop();
    throw error;
  }
}
