/** appium-harmonyos-driver: `automationName: HarmonyOS`. */
export { HarmonyOsDriver, HarmonyOsDriver as default } from './driver.js';
