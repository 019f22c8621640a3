/**
 * Builds a tiny real APK with Debian's aapt (no Android SDK here): first a stub framework package
 * (id 0x01, the android:attr ids the layout and manifest use, exactly as android.jar numbers them;
 * `aapt package -x` gives it package id 0x01), then the app against it with `-I`.
 * The app: a 2013-style party-building app with a sign-in layout and pinyin activity names.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AAPT } from './real-packages.js';

const ATTRS: [string, string, string][] = [
  ['label', '0x01010001', 'string|reference'], ['name', '0x01010003', 'string'],
  ['text', '0x0101014f', 'string|reference'], ['hint', '0x01010150', 'string|reference'],
  ['layout_width', '0x010100f4', 'dimension|enum'], ['layout_height', '0x010100f5', 'dimension|enum'],
  ['minSdkVersion', '0x0101020c', 'integer|string'], ['versionCode', '0x0101021b', 'integer'],
  ['versionName', '0x0101021c', 'string'], ['targetSdkVersion', '0x01010270', 'integer|string'],
  ['contentDescription', '0x01010273', 'string|reference'],
];
const SIZE_ENUM = '<enum name="match_parent" value="-1"/><enum name="wrap_content" value="-2"/>';
const NS = 'xmlns:android="http://schemas.android.com/apk/res/android"';
const WRAP = 'android:layout_width="wrap_content" android:layout_height="wrap_content"';

/** The texts the sample layout holds as literals (马上签到 …) and through @string (支部内排名). */
export const LAYOUT_LITERALS = ['马上签到', '签到按钮', '总排名', '输入工号'];
export const LAYOUT_REFERENCED = '支部内排名';

const APP_MANIFEST = `<manifest ${NS} package="cn.gov.example.dangjian" android:versionCode="3" android:versionName="1.2">
  <uses-sdk android:minSdkVersion="8" android:targetSdkVersion="10"/>
  <uses-permission android:name="android.permission.READ_CONTACTS"/>
  <uses-permission android:name="android.permission.SEND_SMS"/>
  <uses-permission android:name="android.permission.READ_LOGS"/>
  <uses-permission android:name="android.permission.INTERNET"/>
  <application android:label="@string/app_name">
    <activity android:name=".QianDaoActivity"/>
    <activity android:name=".JiFenPaiHangActivity"/>
    <activity android:name=".FrankSettingsActivity"/>
  </application>
</manifest>`;

const LAYOUT = `<LinearLayout ${NS} android:layout_width="match_parent" android:layout_height="match_parent">
  <Button ${WRAP} android:text="马上签到" android:contentDescription="签到按钮"/>
  <TextView ${WRAP} android:text="总排名"/>
  <TextView ${WRAP} android:text="@string/rank_branch" android:hint="输入工号"/>
</LinearLayout>`;

async function put(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

/** Builds the sample app and returns the APK path (in a fresh temporary folder). */
export async function buildLayoutSampleApk(): Promise<string> {
  const run = promisify(execFile);
  const dir = await mkdtemp(path.join(tmpdir(), 'govapp-aapt-'));
  const fw = path.join(dir, 'framework');
  const attrs = ATTRS.map(([n, , f]) => `<attr name="${n}" format="${f}">${f.includes('enum') ? SIZE_ENUM : ''}</attr>`).join('');
  await put(fw, 'AndroidManifest.xml', `<manifest ${NS} package="android"/>`);
  await put(fw, 'res/values/attrs.xml', `<resources>${attrs}</resources>`);
  await put(fw, 'res/values/public.xml', `<resources>${ATTRS.map(([n, id]) => `<public type="attr" name="${n}" id="${id}"/>`).join('')}</resources>`);
  await run(AAPT, ['package', '-f', '-x', '-M', path.join(fw, 'AndroidManifest.xml'), '-S', path.join(fw, 'res'), '-F', path.join(dir, 'framework.apk')]);
  const app = path.join(dir, 'app');
  await put(app, 'AndroidManifest.xml', APP_MANIFEST);
  await put(app, 'res/values/strings.xml', `<resources><string name="app_name">智慧党建</string><string name="rank_branch">${LAYOUT_REFERENCED}</string></resources>`);
  await put(app, 'res/layout/qiandao.xml', LAYOUT);
  const apk = path.join(dir, 'dangjian.apk');
  await run(AAPT, ['package', '-f', '-M', path.join(app, 'AndroidManifest.xml'), '-S', path.join(app, 'res'), '-I', path.join(dir, 'framework.apk'), '-F', apk]);
  return apk;
}
