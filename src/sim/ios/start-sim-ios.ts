/**
 * Starts the simulated iPhone with an .ipa installed and its fake WebDriverAgent listening on a
 * loopback port: the unmodified XCUITest driver connects to it through `appium:webDriverAgentUrl`.
 * The device runs in this process.
 */
import { readIpaFacts } from './ipa-facts.js';
import { SIM_IOS_INFO, SimIos } from './sim-ios.js';
import { startWdaServer, type WdaServer } from './wda-server.js';

export interface SimIosHandle {
  wdaUrl: string;
  udid: string;
  platformVersion: string;
  sim: SimIos;
  wda: WdaServer;
  setProxy(hostPort: string | undefined): void;
  stop(): Promise<void>;
}

export interface StartSimIosOptions {
  /** The .ipa to install (more can be installed through `sim.install`). */
  packageFile?: string;
  port?: number;
}

export async function startSimIos(options: StartSimIosOptions = {}): Promise<SimIosHandle> {
  const sim = new SimIos();
  if (options.packageFile) sim.install(await readIpaFacts(options.packageFile));
  const wda = await startWdaServer(sim, options.port ?? 0);
  return {
    wdaUrl: wda.url, udid: SIM_IOS_INFO.udid, platformVersion: SIM_IOS_INFO.osVersion, sim, wda,
    setProxy: (hostPort) => sim.setProxy(hostPort),
    async stop() {
      sim.close();
      await wda.close();
    },
  };
}
