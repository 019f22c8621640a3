/**
 * `dumpsys package <pkg>` in Android 13's layout: the activity resolver table (launcher activity), then
 * `Package [pkg] (hash):` with versions, timestamps and the requested / install / runtime permission sections
 * (the shape appium-adb and src/device/android/package-permissions.ts parse).
 */
import type { InstalledPackage } from '../engine/installed-package.js';
import type { SimAndroid } from './sim-android.js';

/** Permissions granted at install time (normal protection level); every other requested one is runtime. */
const INSTALL_TIME = /\.(INTERNET|ACCESS_NETWORK_STATE|ACCESS_WIFI_STATE|WAKE_LOCK|VIBRATE|FOREGROUND_SERVICE|RECEIVE_BOOT_COMPLETED|CHANGE_WIFI_STATE|REQUEST_INSTALL_PACKAGES|SYSTEM_ALERT_WINDOW|MODIFY_AUDIO_SETTINGS|FLASHLIGHT|NFC|BLUETOOTH|CHANGE_NETWORK_STATE|DISABLE_KEYGUARD|EXPAND_STATUS_BAR|GET_TASKS|KILL_BACKGROUND_PROCESSES|SET_WALLPAPER|USE_FINGERPRINT|USE_BIOMETRIC|READ_SYNC_SETTINGS|WRITE_SYNC_SETTINGS|QUERY_ALL_PACKAGES|WRITE_SETTINGS|WRITE_SECURE_SETTINGS|READ_LOGS|INSTALL_PACKAGES)$/;

/** True for a permission granted at install time. */
export function isInstallTimePermission(permission: string): boolean {
  return INSTALL_TIME.test(permission) || !permission.startsWith('android.permission.');
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 7);
}

function stamp(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function resolverTable(pkg: InstalledPackage): string {
  if (!pkg.launchActivity) return '';
  const short = pkg.launchActivity.startsWith(pkg.packageName + '.') ? pkg.launchActivity.slice(pkg.packageName.length) : pkg.launchActivity;
  return [
    'Activity Resolver Table:',
    '  Non-Data Actions:',
    '      android.intent.action.MAIN:',
    `        ${hash(pkg.launchActivity)} ${pkg.packageName}/${short} filter ${hash(short)}`,
    '          Action: "android.intent.action.MAIN"',
    '          Category: "android.intent.category.LAUNCHER"',
    '',
  ].join('\n');
}

/** The whole `dumpsys package <pkg>` text (an unknown package prints only the header lines, as Android does). */
export function dumpsysPackage(sim: SimAndroid, name: string): string {
  const pkg = sim.device.packages.get(name);
  if (!pkg) return 'Dexopt state:\n  Unable to find package: ' + name + '\n';
  const requested = pkg.requestedPermissions;
  const install = requested.filter(isInstallTimePermission);
  const runtime = requested.filter((p) => !isInstallTimePermission(p));
  const lines = [
    resolverTable(pkg) + 'Key Set Manager:',
    `  [${pkg.packageName}]`,
    '',
    'Packages:',
    `  Package [${pkg.packageName}] (${hash(pkg.packageName)}):`,
    `    userId=${pkg.uid}`,
    `    pkg=Package{${hash(pkg.packageName + 'p')} ${pkg.packageName}}`,
    `    codePath=${pkg.codePath}`,
    `    resourcePath=${pkg.codePath}`,
    '    legacyNativeLibraryDir=' + pkg.codePath + '/lib',
    '    primaryCpuAbi=null',
    `    versionCode=${pkg.versionCode} minSdk=${pkg.minSdk ?? 21} targetSdk=${pkg.targetSdk ?? 33}`,
    `    versionName=${pkg.versionName}`,
    '    flags=[ HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]',
    `    timeStamp=${stamp(pkg.updatedAt)}`,
    `    firstInstallTime=${stamp(pkg.installedAt)}`,
    `    lastUpdateTime=${stamp(pkg.updatedAt)}`,
    '    installerPackageName=null',
    '    declared permissions:',
    '    requested permissions:',
    ...requested.map((p) => `      ${p}`),
    '    install permissions:',
    ...install.map((p) => `      ${p}: granted=true`),
    `    User 0: ceDataInode=${pkg.uid * 7} installed=true hidden=false suspended=false distractionFlags=0 stopped=${sim.device.processes.has(name) ? 'false' : 'true'} notLaunched=false enabled=0 instant=false virtual=false`,
    '      gids=[3003]',
    '      runtime permissions:',
    ...runtime.map((p) => `        ${p}: granted=${pkg.granted.has(p)}, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED${pkg.denied.has(p) ? '|USER_SET' : ''}]`),
    '',
  ];
  return lines.join('\n');
}
