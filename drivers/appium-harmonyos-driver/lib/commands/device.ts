/** Device facts: time, API level and model (`param get`), and an opt-in shell. */
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';
import { parseDeviceDate } from '../parsers/screen.js';
import { parseParamValue } from '../parsers/param.js';

/** Appium getDeviceTime: ISO 8601 with offset (`date +%Y-%m-%dT%H:%M:%S%z` on the device). */
export async function getDeviceTime(this: HarmonyOsDriver): Promise<string> {
  const output = await this.state.hdc.shell('date +%Y-%m-%dT%H:%M:%S%z', { check: false });
  const iso = parseDeviceDate(output);
  if (!iso) throw new errors.UnknownError(`The device did not report its time: ${output.trim().slice(0, 100)}`);
  return iso;
}

/** `mobile: deviceInfo`: API level, model, software version, ABI. */
export async function mobileDeviceInfo(this: HarmonyOsDriver): Promise<Record<string, string | number | undefined>> {
  const get = async (name: string) => parseParamValue(await this.state.hdc.shell(`param get ${name}`, { check: false }));
  return {
    udid: this.state.udid,
    apiLevel: this.state.apiLevel,
    model: await get('const.product.model'),
    softwareVersion: await get('const.product.software.version'),
    abi: await get('const.product.cpu.abilist'),
  };
}

/** `mobile: shell` (needs the insecure feature `harmonyos:hdc_shell`): runs one command in `hdc shell`. */
export async function mobileShell(this: HarmonyOsDriver, command: string, timeout?: number): Promise<string> {
  this.assertFeatureEnabled('harmonyos:hdc_shell');
  return await this.state.hdc.shell(command, { check: false, ...(timeout ? { timeoutMs: timeout } : {}) });
}
