#!/usr/bin/env node
// Builds the simulated-device sample apps as real APK files with Debian's aapt (no code, no Android SDK
// platform): samples-src/android-<name>/app.mjs gives the manifest facts and the scripted model; this script
// writes AndroidManifest.xml, res/values/strings.xml (every text of the model), one compiled layout per screen
// (so a package reader finds the texts in res/layout/*.xml, as in real apps), a launcher icon, and
// assets/sim-app.json (the model the simulated device runs), then packages and signs it.
// Android's framework resources are not in Debian, so a minimal `android` resource package declaring the
// attributes used here under their real android.R.attr ids is built first (aapt -x) and linked against (-I).
// Usage: node scripts/build-android-samples.mjs [name…]   (default: every samples-src/android-* but the kit)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import sharp from 'sharp';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = '/usr/lib/android-sdk/build-tools/debian';
const KEYSTORE = join(ROOT, 'samples-src/android-kit/sample-signing.keystore');

/** android.R.attr ids of the attributes the samples use (public, stable since API 1–4). */
const ATTRS = {
  theme: [0x01010000, 'reference'], label: [0x01010001, 'reference|string'], icon: [0x01010002, 'reference'],
  name: [0x01010003, 'string'], exported: [0x01010010, 'boolean'], targetPackage: [0x01010021, 'string'],
  textSize: [0x01010095, 'dimension'], textColor: [0x01010098, 'color|reference'], orientation: [0x010100c4, 'enum'],
  id: [0x010100d0, 'reference'], background: [0x010100d4, 'reference|color'], clickable: [0x010100e5, 'boolean'],
  layout_width: [0x010100f4, 'dimension|enum'], layout_height: [0x010100f5, 'dimension|enum'],
  text: [0x0101014f, 'string'], hint: [0x01010150, 'string'], minSdkVersion: [0x0101020c, 'integer|string'],
  versionCode: [0x0101021b, 'integer'], versionName: [0x0101021c, 'string'], targetSdkVersion: [0x01010270, 'integer|string'],
  contentDescription: [0x01010273, 'string'], networkSecurityConfig: [0x01010527, 'reference'],
};

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const resText = (s) => esc(s).replace(/'/g, "\\'").replace(/@/g, '\\@').replace(/\?/g, '\\?');

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function buildFramework(dir) {
  mkdirSync(join(dir, 'res/values'), { recursive: true });
  writeFileSync(join(dir, 'AndroidManifest.xml'), '<?xml version="1.0" encoding="utf-8"?>\n<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="android" />\n');
  const enums = { layout_width: '<enum name="match_parent" value="-1" /><enum name="wrap_content" value="-2" />', layout_height: '<enum name="match_parent" value="-1" /><enum name="wrap_content" value="-2" />', orientation: '<enum name="horizontal" value="0" /><enum name="vertical" value="1" />' };
  const attrs = Object.entries(ATTRS).map(([n, [, f]]) => (enums[n] ? `  <attr name="${n}" format="${f.replace('|enum', '').replace('enum', 'integer')}">${enums[n]}</attr>` : `  <attr name="${n}" format="${f}" />`));
  writeFileSync(join(dir, 'res/values/attrs.xml'), `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n${attrs.join('\n')}\n</resources>\n`);
  const pub = Object.entries(ATTRS).map(([n, [id]]) => `  <public type="attr" name="${n}" id="0x${id.toString(16).padStart(8, '0')}" />`);
  writeFileSync(join(dir, 'res/values/public.xml'), `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n${pub.join('\n')}\n</resources>\n`);
  const out = join(dir, 'android-framework-mini.apk');
  run(`${TOOLS}/aapt`, ['package', '-f', '-x', '-M', join(dir, 'AndroidManifest.xml'), '-S', join(dir, 'res'), '-F', out]);
  return out;
}

function manifestXml(m, label) {
  const perms = m.permissions.map((p) => `  <uses-permission android:name="${p}" />`).join('\n');
  const acts = m.activities.map((a) => (a === m.launcher
    ? `    <activity android:name="${a}" android:exported="true">\n      <intent-filter>\n        <action android:name="android.intent.action.MAIN" />\n        <category android:name="android.intent.category.LAUNCHER" />\n      </intent-filter>\n    </activity>`
    : `    <activity android:name="${a}" android:exported="false" />`)).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${m.package}" android:versionCode="${m.versionCode}" android:versionName="${m.versionName}">
  <uses-sdk android:minSdkVersion="${m.minSdk}" android:targetSdkVersion="${m.targetSdk}" />
${perms}
  <application android:label="@string/app_name" android:icon="@drawable/ic_launcher"${m.trustsUserCa ? ' android:networkSecurityConfig="@xml/network_security_config"' : ''}>
${acts}
  </application>
</manifest>
<!-- ${esc(label)} -->
`;
}

/** Collects texts into string resources and renders one layout per screen. */
function layouts(model) {
  const strings = new Map([['app_name', model.label]]);
  const nameOf = (value) => {
    for (const [k, v] of strings) if (v === value) return k;
    const k = `s${strings.size}`;
    strings.set(k, value);
    return k;
  };
  const own = `${model.package}:id/`;
  const render = (n, depth) => {
    const pad = '  '.repeat(depth);
    const [l, t, r, b] = n.bounds;
    const attrs = [`android:layout_width="${r - l}px"`, `android:layout_height="${b - t}px"`];
    if (n.id?.startsWith(own)) attrs.unshift(`android:id="@+id/${n.id.slice(own.length)}"`);
    if (n.text) attrs.push(`android:text="@string/${nameOf(n.text)}"`);
    if (n.hint) attrs.push(`android:hint="@string/${nameOf(n.hint)}"`);
    if (n.desc) attrs.push(`android:contentDescription="@string/${nameOf(n.desc)}"`);
    if (n.clickable) attrs.push('android:clickable="true"');
    if (n.background) attrs.push(`android:background="${n.background}"`);
    if (n.textSize) attrs.push(`android:textSize="${n.textSize}px"`);
    if (n.color) attrs.push(`android:textColor="${n.color}"`);
    const tag = n.class.replace(/^android\.widget\./, '').replace(/^android\.view\./, '');
    const head = `${pad}<${tag} ${attrs.join(' ')}`;
    if (!n.children?.length) return `${head} />`;
    return `${head}>\n${n.children.map((c) => render(c, depth + 1)).join('\n')}\n${pad}</${tag}>`;
  };
  const files = {};
  for (const [name, screen] of Object.entries(model.screens)) {
    const body = render(screen.root, 0).replace(/^<(\S+)/, '<$1 xmlns:android="http://schemas.android.com/apk/res/android"');
    files[`activity_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}.xml`] = `<?xml version="1.0" encoding="utf-8"?>\n${body}\n`;
  }
  const stringsXml = `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n${[...strings].map(([k, v]) => `  <string name="${k}">${resText(v)}</string>`).join('\n')}\n</resources>\n`;
  return { files, stringsXml };
}

async function icon(path, { color, glyph }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192"><rect width="192" height="192" rx="40" fill="${color}"/><text x="96" y="132" font-size="110" text-anchor="middle" fill="#ffffff" font-family="Noto Sans CJK SC">${glyph}</text></svg>`;
  await sharp(Buffer.from(svg)).png().toFile(path);
}

const validate = new Ajv().compile(JSON.parse(readFileSync(join(ROOT, 'src/sim/engine/app-model.schema.json'), 'utf8')));

async function buildSample(name, framework, work) {
  const src = join(ROOT, 'samples-src', `android-${name}`);
  const { manifest, model } = await import(pathToFileURL(join(src, 'app.mjs')).href);
  if (!validate(model)) throw new Error(`samples-src/android-${name}/app.mjs: the model is invalid: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`);
  const stage = join(work, name);
  for (const d of ['res/values', 'res/layout', 'res/drawable', 'res/xml', 'assets']) mkdirSync(join(stage, d), { recursive: true });
  if (manifest.trustsUserCa !== model.trustsUserCa) throw new Error(`samples-src/android-${name}/app.mjs: manifest.trustsUserCa and model.trustsUserCa differ`);
  // A lab test build: the network security config trusts user CAs, so a lab proxy's CA can read its HTTPS.
  if (manifest.trustsUserCa) writeFileSync(join(stage, 'res/xml/network_security_config.xml'), '<?xml version="1.0" encoding="utf-8"?>\n<network-security-config>\n  <base-config cleartextTrafficPermitted="false">\n    <trust-anchors>\n      <certificates src="system" />\n      <certificates src="user" />\n    </trust-anchors>\n  </base-config>\n</network-security-config>\n');
  writeFileSync(join(stage, 'AndroidManifest.xml'), manifestXml(manifest, model.label));
  const { files, stringsXml } = layouts(model);
  writeFileSync(join(stage, 'res/values/strings.xml'), stringsXml);
  for (const [file, xml] of Object.entries(files)) writeFileSync(join(stage, 'res/layout', file), xml);
  await icon(join(stage, 'res/drawable/ic_launcher.png'), manifest.icon);
  writeFileSync(join(stage, 'assets/sim-app.json'), JSON.stringify(model, null, 1) + '\n');
  const unsigned = join(stage, 'unsigned.apk');
  run(`${TOOLS}/aapt`, ['package', '-f', '-M', join(stage, 'AndroidManifest.xml'), '-S', join(stage, 'res'), '-A', join(stage, 'assets'), '-I', framework, '-F', unsigned]);
  const out = join(ROOT, 'samples', `android-${name}.apk`);
  copyFileSync(unsigned, out);
  run('java', ['-jar', `${TOOLS}/apksigner.jar`, 'sign', '--ks', KEYSTORE, '--ks-pass', 'pass:govapp-sample', '--ks-key-alias', 'sample', '--key-pass', 'pass:govapp-sample', '--v1-signing-enabled', 'true', '--v2-signing-enabled', 'true', out]);
  rmSync(`${out}.idsig`, { force: true });
  console.log(`built ${out}`);
}

const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(ROOT, 'samples-src')).filter((d) => d.startsWith('android-') && d !== 'android-kit').map((d) => d.slice('android-'.length));
const work = mkdtempSync(join(tmpdir(), 'android-samples-'));
try {
  const framework = buildFramework(join(work, 'framework'));
  for (const name of names) await buildSample(name, framework, work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
