/**
 * Builds the iOS sample apps (samples/ios-<name>.ipa) from samples-src/ios-<name>/: `info.json` becomes
 * Payload/<Name>.app/Info.plist (XML plist via the `plist` package), `app.json` (screens as rows) is laid
 * out on a 390×844-point iPhone into the simulated-device app model (src/sim/engine/app-model.ts) shipped as
 * Payload/<Name>.app/sim-app.json, button and title texts go to zh-Hans.lproj/Localizable.strings, and two
 * icons are drawn. No executable: like the HarmonyOS sample, the package carries no code.
 *
 *   node --import tsx scripts/build-ios-samples.ts [name…]   (default: every samples-src/ios-*)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as buildPlist, type PlistValue } from 'plist';
import sharp from 'sharp';
import { buildZip, type ZipInput } from '../test/package/helpers/zip-writer.js';
import { layoutApp, type CompactApp } from './ios-sample-layout.js';

const ROOT = join(import.meta.dirname, '..');

async function icon(size: number, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${size * 0.22}" fill="${color}"/><rect x="${size * 0.25}" y="${size * 0.22}" width="${size * 0.5}" height="${size * 0.56}" rx="${size * 0.06}" fill="#ffffff"/><rect x="${size * 0.33}" y="${size * 0.34}" width="${size * 0.34}" height="${size * 0.06}" fill="${color}"/><rect x="${size * 0.33}" y="${size * 0.48}" width="${size * 0.34}" height="${size * 0.06}" fill="${color}"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function localizable(app: CompactApp): string {
  const texts = new Set<string>();
  for (const screen of Object.values(app.screens)) {
    texts.add(screen.title);
    for (const row of screen.rows) if (row.t === 'button' || row.t === 'section') texts.add(row.text ?? '');
  }
  return [...texts].filter(Boolean).map((t) => `"${t.replace(/"/g, '\\"')}" = "${t.replace(/"/g, '\\"')}";`).join('\n') + '\n';
}

async function build(name: string): Promise<void> {
  const dir = join(ROOT, 'samples-src', name);
  const info = JSON.parse(readFileSync(join(dir, 'info.json'), 'utf8')) as Record<string, unknown> & { CFBundleName: string };
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as CompactApp;
  const model = layoutApp(app);
  const appDir = `Payload/${info.CFBundleName}.app/`;
  const color = app.iconColor ?? '#1f6fb2';
  const entries: ZipInput[] = [
    { name: `${appDir}Info.plist`, data: buildPlist(info as PlistValue) },
    { name: `${appDir}PkgInfo`, data: 'APPL????' },
    { name: `${appDir}sim-app.json`, data: JSON.stringify(model, null, 1) + '\n' },
    { name: `${appDir}zh-Hans.lproj/Localizable.strings`, data: localizable(app) },
    { name: `${appDir}AppIcon60x60@2x.png`, data: await icon(120, color), method: 'store' },
    { name: `${appDir}AppIcon60x60@3x.png`, data: await icon(180, color), method: 'store' },
  ];
  const out = join(ROOT, 'samples', `${name}.ipa`);
  writeFileSync(out, buildZip(entries));
  console.log(`${out}: ${Object.keys(app.screens).length} screens`);
}

const names = process.argv.slice(2);
for (const name of names.length ? names : readdirSync(join(ROOT, 'samples-src')).filter((n) => n.startsWith('ios-'))) await build(name);
