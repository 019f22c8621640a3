/**
 * A device is health-checked before each lease: leftovers of an earlier audit on it (processes
 * carrying its scratch root, e.g. after the batch was SIGKILLed) are swept, then its servers' ports
 * must be free (local host) and the platform's tools present. H5 only for now: native platforms
 * join through the platform registry (their `systemCheck()`).
 */
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepProcesses } from '../runner/process-sweep.js';
import { runnablePlatform } from '../platforms/registry.js';
import type { InventoryDevice } from '../devices/inventory.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Root of the TMPDIR every audit on the device gets: short (Chromium's socket paths are limited) and
 * stable per device, so a later batch or worker finds and sweeps what a killed one left behind.
 */
export function deviceScratchRoot(device: InventoryDevice): string {
  return join(tmpdir(), `govapp-farm-${device.id}-${String(device.ports.appium)}`) + '/';
}

/** Undefined when the device can take an audit; else why not, in one sentence (Chinese, for the summary). */
export async function checkDeviceHealth(device: InventoryDevice): Promise<string | undefined> {
  await sweepProcesses(deviceScratchRoot(device), 2000);
  try {
    // The platform's own system check: what must be installed, in one sentence when missing.
    runnablePlatform(device.platform).systemCheck();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (device.platform !== 'h5') return `${device.platform} 设备尚不能在批量审计中使用：审计子进程还不能按库存指定 udid`;
  if (!LOCAL_HOSTS.has(device.host)) return undefined;
  for (const [name, port] of Object.entries(device.ports) as [string, number][]) {
    if (name === 'proxy') continue;
    if (await listening(device.host, port)) return `端口 ${String(port)}（${name}）已被其他进程占用`;
  }
  return undefined;
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}
