/**
 * Starts a simulated HarmonyOS device and a folder holding its `hdc` (the simulated hdc script and its
 * `sim-endpoint`), so the HarmonyOS driver runs unmodified with `appium:hdcPath` pointing there. The device
 * runs in this process.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHdcServer } from './hdc-server.js';
import { SimHarmony, type SimHarmonyOptions } from './sim-harmonyos.js';

const HDC_SCRIPT = fileURLToPath(new URL('./hdc', import.meta.url));

export interface SimHarmonyHandle {
  /** The hdc executable to give the driver (`appium:hdcPath`). */
  hdcPath: string;
  udid: string;
  sim: SimHarmony;
  stop(): Promise<void>;
}

/** Starts the device process and its hdc folder. */
export async function startSimHarmony(options: SimHarmonyOptions & { udid?: string } = {}): Promise<SimHarmonyHandle> {
  const udid = options.udid ?? 'sim-harmonyos-01';
  const sim = new SimHarmony(udid, options);
  const endpoint = await startHdcServer(sim);
  const dir = mkdtempSync(join(tmpdir(), 'govapp-sim-harmonyos-'));
  const hdcPath = join(dir, 'hdc');
  symlinkSync(HDC_SCRIPT, hdcPath);
  writeFileSync(join(dir, 'sim-endpoint'), endpoint.url + '\n');
  return {
    hdcPath,
    udid,
    sim,
    async stop() {
      sim.close();
      await endpoint.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
