/**
 * The device inventory: which devices a batch may lease, apart from device profiles (a profile is a
 * device class; the inventory lists the physical devices or Chromium slots and their own ports).
 * Validated against devices/inventory.schema.json, then for what a schema cannot say: unique ids,
 * no port used twice on one host, a profile that exists and is of the device's platform.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ajv, describeSchemaError } from '../config/json-schema.js';
import { AuditError } from '../core/errors.js';
import { DEVICES_DIR } from '../core/paths.js';
import { loadDeviceProfile, type DeviceProfile } from './profile.js';

export type DevicePlatform = DeviceProfile['platform'];

export interface DevicePorts {
  appium: number;
  systemPort?: number;
  mjpegServerPort?: number;
  chromedriverPort?: number;
  wdaLocalPort?: number;
  proxy?: number;
}

export interface InventoryDevice {
  id: string;
  platform: DevicePlatform;
  /** Device class: the name of a profile in devices/. */
  profile: string;
  udid: string;
  host: string;
  label?: string;
  ports: DevicePorts;
}

export interface Inventory {
  devices: InventoryDevice[];
}

export const INVENTORY_SCHEMA_FILE = join(DEVICES_DIR, 'inventory.schema.json');
const validate = ajv.compile<Inventory>(JSON.parse(readFileSync(INVENTORY_SCHEMA_FILE, 'utf8')) as object);

/** Loads and validates an inventory file; throws bad-inventory with one sentence. */
export function loadInventory(file: string): Inventory {
  if (!existsSync(file)) throw new AuditError('bad-inventory', `Inventory file ${file} does not exist; start from devices/inventory.example.json.`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AuditError('bad-inventory', `Inventory ${file} is not valid JSON; fix the file (devices/inventory.example.json shows the shape).`);
  }
  return parseInventory(data, file);
}

/** Validates inventory data already parsed (named `where` in messages). */
export function parseInventory(data: unknown, where: string): Inventory {
  if (!validate(data)) throw new AuditError('bad-inventory', `Inventory ${where}: ${describeSchemaError(validate.errors)}.`);
  const ids = new Set<string>();
  const ports = new Map<string, string>();
  for (const [i, device] of data.devices.entries()) {
    if (ids.has(device.id)) throw new AuditError('bad-inventory', `Inventory ${where}: /devices/${i} repeats the id "${device.id}"; every device needs its own id.`);
    ids.add(device.id);
    for (const [name, port] of Object.entries(device.ports)) {
      const key = `${device.host}:${String(port)}`;
      const owner = ports.get(key);
      if (owner) throw new AuditError('bad-inventory', `Inventory ${where}: /devices/${i}/ports/${name} ${String(port)} on ${device.host} is already used by ${owner}; every server of every device needs its own port.`);
      ports.set(key, `${device.id} (${name})`);
    }
    const profile = profileOf(device, where, i);
    if (profile.platform !== device.platform) {
      throw new AuditError('bad-inventory', `Inventory ${where}: /devices/${i} is a ${device.platform} device but its profile "${device.profile}" is for ${profile.platform}.`);
    }
  }
  return data;
}

function profileOf(device: InventoryDevice, where: string, index: number): DeviceProfile {
  try {
    return loadDeviceProfile(device.profile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AuditError('bad-inventory', `Inventory ${where}: /devices/${index}/profile: ${reason}`);
  }
}

/**
 * Whether a device can run an audit of the given device class. An H5 device is a Chromium slot whose
 * phone is emulated, so it serves every h5 class; a native device serves its own class only.
 */
export function deviceServes(device: InventoryDevice, profile: Pick<DeviceProfile, 'name' | 'platform'>): boolean {
  if (device.platform === 'h5') return profile.platform === 'h5';
  return device.profile === profile.name;
}
