/**
 * The simulated iPhone (src/sim/ios: a fake WebDriverAgent over the shared device engine), started
 * only for a profile that says `"simulated": true`. Loaded lazily so a run on a real iPhone never
 * loads the double.
 */
export interface SimulatedIos {
  wdaUrl: string;
  udid: string;
  platformVersion: string;
  /** Points the iPhone's Wi-Fi HTTP proxy at `host:port` (what a lab sets in Settings › Wi-Fi on a real one). */
  setProxy(hostPort: string | undefined): void;
  stop(): Promise<void>;
}

/** Starts the double with the .ipa installed (src/sim/ios/start-sim-ios.ts). */
export async function startSimulatedIos(packageFile: string): Promise<SimulatedIos> {
  const { startSimIos } = await import('../../sim/ios/start-sim-ios.js');
  return startSimIos({ packageFile });
}
