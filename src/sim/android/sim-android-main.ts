/**
 * Runs a simulated Android device by hand: `node --import tsx src/sim/android/sim-android-main.ts [app.apk…]`
 * prints the ANDROID_HOME to export (then `adb devices`, `adb shell …`, or an Appium session work against it),
 * installs the given APKs, and stops on Ctrl-C.
 */
import { runAdb } from './adb-commands.js';
import { startSimAndroid } from './start-sim-android.js';

const handle = await startSimAndroid();
for (const apk of process.argv.slice(2)) {
  const result = await runAdb(handle.sim, ['install', '-r', apk]);
  console.log(`${apk}: ${result.kind === 'buffered' ? String(result.stdout).trim() : ''}`);
}
console.log(`Simulated Android device ${handle.udid} is up.\nexport ANDROID_HOME=${handle.androidHome} ANDROID_SDK_ROOT=${handle.androidHome}\nexport PATH=${handle.androidHome}/platform-tools:$PATH\nCtrl-C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void handle.stop().then(() => process.exit(0));
  });
}
