#!/usr/bin/env node
// Installs the system packages an audit needs when they are missing (Debian/Ubuntu):
// Chromium and its driver (the H5 path), CJK fonts (Chinese in screenshots and OCR), a Java
// runtime (Allure), aapt, adb and apksigner (the Android path), redis-server (the farm's queue), aapt (package tests compare against it), tesseract + chi_sim (the OCR bench compares against it). As root it runs apt-get; otherwise
// it prints the exact command and exits 1. Plain JavaScript: it runs before anything is built.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REQUIREMENTS = [
  { pkg: 'chromium', ok: () => existsSync('/usr/lib/chromium/chromium') },
  { pkg: 'chromium-driver', ok: () => existsSync('/usr/bin/chromedriver') },
  { pkg: 'fonts-noto-cjk', ok: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') },
  { pkg: 'default-jre-headless', ok: () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 },
  { pkg: 'aapt', ok: () => existsSync('/usr/bin/aapt') },
  // The Android path: appium-adb looks for $ANDROID_HOME/platform-tools/adb and build-tools/*/apksigner.jar;
  // Debian lays both out under /usr/lib/android-sdk.
  { pkg: 'adb', ok: () => existsSync('/usr/lib/android-sdk/platform-tools/adb') },
  // The simulated devices' adb/hdc are shell scripts that call their device process with curl.
  { pkg: 'curl', ok: () => existsSync('/usr/bin/curl') },
  { pkg: 'apksigner', ok: () => existsSync('/usr/lib/android-sdk/build-tools/debian/apksigner.jar') },
  // The device farm's queue (govapp-audit batch --redis; its tests start a private server on loopback).
  { pkg: 'redis-server', ok: () => existsSync('/usr/bin/redis-server') },
  // The native OCR that npm run bench:detect compares our tesseract.js pool against.
  { pkg: 'tesseract-ocr', ok: () => existsSync('/usr/bin/tesseract') },
  { pkg: 'tesseract-ocr-chi-sim', ok: () => existsSync('/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata') || existsSync('/usr/share/tesseract-ocr/4.00/tessdata/chi_sim.traineddata') },
];

buildOwnDrivers();
await buildProduct();

const missing = REQUIREMENTS.filter((r) => !r.ok()).map((r) => r.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(`govapp-audit setup: missing system packages (${missing.join(', ')}). Run as root:\n  ${command}`);
  process.exit(1);
}
console.error(`govapp-audit setup: installing ${missing.join(', ')} (Debian packages)…`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
} catch {
  console.error(`govapp-audit setup: apt-get failed; run it by hand:\n  ${command}`);
  process.exit(1);
}
const still = REQUIREMENTS.filter((r) => !r.ok()).map((r) => r.pkg);
if (still.length) {
  console.error(`govapp-audit setup: still missing after apt-get: ${still.join(', ')}.`);
  process.exit(1);
}

// Our own Appium drivers (drivers/*, npm workspaces) are TypeScript compiled to build/ by their `prepare`
// script, which `npm ci` runs; this rebuilds a driver whose build is missing or older than its sources.
function buildOwnDrivers() {
  const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
  for (const name of existsSync('drivers') ? readdirSync('drivers') : []) {
    const dir = join('drivers', name);
    if (!existsSync(join(dir, 'tsconfig.json')) || !existsSync(join(dir, 'lib'))) continue;
    const built = existsSync(join(dir, 'build')) ? newest(join(dir, 'build')) : 0;
    if (built >= newest(join(dir, 'lib'))) continue;
    console.error(`govapp-audit setup: building ${dir}…`);
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  }
}

// The product's own TypeScript compiled to build/ (scripts/build.mjs), which bin/govapp-audit.js runs when it is
// current. A failure here is not fatal: the CLI then runs the TypeScript through tsx, only slower.
async function buildProduct() {
  try {
    const { build, testsCurrent } = await import('./build.mjs');
    if (testsCurrent()) return;
    const { compiled, ms } = await build();
    console.error(`govapp-audit setup: compiled ${compiled} files to build/ in ${ms} ms`);
  } catch (error) {
    console.error(`govapp-audit setup: could not compile to build/ (${error instanceof Error ? error.message : String(error)}); the CLI will run the TypeScript through tsx.`);
  }
}
