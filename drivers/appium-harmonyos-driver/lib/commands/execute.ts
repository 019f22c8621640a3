/** W3C execute: only `mobile:` extensions (there is no script engine on the device). */
import { errors } from 'appium/driver.js';
import type { HarmonyOsDriver } from '../driver.js';

export async function execute(this: HarmonyOsDriver, script: string, args: unknown[]): Promise<unknown> {
  if (!script.trim().startsWith('mobile:')) throw new errors.NotImplementedError('Only "mobile:" extensions can be executed on HarmonyOS');
  return await this.executeMethod(script.trim().replace(/^mobile:\s*/, 'mobile: '), args as [Record<string, unknown>]);
}
