/** What needs which HarmonyOS API level (the README's table is this one). */
export const API_LEVEL = {
  /** `aa start -W`: StartMode / TotalTime / WaitTime. */
  startWait: 20,
  /** `hdc install` of an .app bundle. */
  installApp: 22,
  /** `hdc install -g`: grant user_grant permissions at install (debug-signed apps). */
  installGrant: 24,
  /** `uitest uiInput text` (types at the focused field). */
  inputTextFocused: 18,
  /** `uitest dumpLayout -d <displayId>`. */
  dumpLayoutDisplay: 20,
  /** `hidumper -e --list/--print`. */
  faultList: 22,
} as const;

/** True when the device's API level is known and at least `needed`. */
export function hasApi(level: number | undefined, needed: number): boolean {
  return level !== undefined && level >= needed;
}
