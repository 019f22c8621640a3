/**
 * Real APKs from the npm registry, compared with Debian's aapt on the same files:
 * package name, versionCode/versionName, sdk versions, label and the uses-permission list.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { inspectPackage } from '../../src/package/index.js';
import { aapt, hasAapt, parseBadging, parsePermissions, REAL_APKS } from './helpers/real-packages.js';

const skipAapt = hasAapt() ? false : 'aapt is not installed (/usr/bin/aapt); install Debian package "aapt" to compare with it';

void describe('real APKs match aapt', { concurrency: 1 }, () => {
  for (const apk of REAL_APKS) {
    void it(`reads ${path.basename(apk)} like aapt dump badging/permissions`, { skip: skipAapt }, async () => {
      const facts = await inspectPackage(apk);
      const badging = parseBadging(await aapt('dump', 'badging', apk));
      const permissions = parsePermissions(await aapt('dump', 'permissions', apk));
      assert.equal(facts.platform, 'android');
      assert.equal(facts.identity.packageName, badging.packageName);
      assert.equal(facts.identity.versionCode, badging.versionCode);
      assert.equal(facts.identity.versionName, badging.versionName);
      assert.equal(facts.identity.minSdk, badging.minSdk);
      assert.equal(facts.identity.targetSdk, badging.targetSdk);
      assert.equal(facts.identity.label, badging.label);
      assert.deepEqual(facts.permissions.filter((p) => !p.implied).map((p) => p.name), permissions);
      assert.deepEqual(facts.permissions.filter((p) => p.implied).map((p) => ({ name: p.name, reason: p.implied })), badging.implied);
      assert.match(facts.file.sha256, /^[0-9a-f]{64}$/);
      assert.match(facts.identity.signingCertSha256 ?? '', /^[0-9a-f]{64}$/);
    });
  }
});

void describe('real APK facts', { concurrency: 1 }, () => {
  void it('classifies io.appium.settings background location and its location foreground service', async () => {
    const facts = await inspectPackage(REAL_APKS[1] ?? '');
    const risks = new Map(facts.permissions.map((p) => [p.name, p.risk]));
    assert.equal(risks.get('android.permission.ACCESS_BACKGROUND_LOCATION'), 'background-location');
    assert.equal(risks.get('android.permission.RECORD_AUDIO'), 'microphone');
    const locationService = facts.components.find((c) => c.name === 'io.appium.settings.LocationService');
    assert.equal(locationService?.kind, 'service');
    assert.equal(locationService?.foregroundServiceType, 'location');
    assert.ok(facts.entryPoints.some((e) => e.kind === 'activity' && e.name === 'io.appium.settings.Settings'));
    assert.equal(facts.network.cleartextAllowed, false);
  });

  void it('reads strings in every locale, including Chinese, from resources.arsc', async () => {
    const facts = await inspectPackage(REAL_APKS[0] ?? '');
    assert.ok(facts.strings.some((s) => s.locale?.startsWith('zh') && /[\u4e00-\u9fff]/.test(s.text)));
    assert.ok(facts.strings.some((s) => s.locale === undefined && s.source === 'resources.arsc'));
    assert.ok(facts.hosts.some((h) => h.kind === 'url-http' && h.value.startsWith('http://www.google.com')));
    assert.ok(facts.components.length > 100);
  });

  void it('lists READ_EXTERNAL_STORAGE implied by WRITE_EXTERNAL_STORAGE on ApiDemos, as aapt dump badging does', async () => {
    const facts = await inspectPackage(REAL_APKS[0] ?? '');
    const implied = facts.permissions.filter((p) => p.implied);
    assert.deepEqual(implied.map((p) => [p.name, p.implied, p.risk]), [['android.permission.READ_EXTERNAL_STORAGE', 'requested WRITE_EXTERNAL_STORAGE', 'storage']]);
  });

  void it('reads the literal texts of ApiDemos compiled layouts, citing each layout', async () => {
    const facts = await inspectPackage(REAL_APKS[0] ?? '');
    // aapt dump xmltree ApiDemos-debug.apk res/layout-land/grid_layout_2.xml → android:text="Email setup" (Raw: "Email setup")
    assert.ok(facts.strings.some((s) => s.text === 'Email setup' && s.source === 'res/layout-land/grid_layout_2.xml'));
    assert.ok(facts.strings.filter((s) => s.source.startsWith('res/layout')).length > 100);
  });

  void it('finds the same v1 certificate keytool reports for ApiDemos', async () => {
    const facts = await inspectPackage(REAL_APKS[0] ?? '');
    // keytool -printcert -jarfile ApiDemos-debug.apk → SHA256: 18:E8:53:4F:…:0C:11:07 (Android Debug)
    assert.equal(facts.identity.signingCertSha256, '18e8534fed30cbf9959e4073e723e3395a3f92fd6b41756d5fbc788f280c1107');
  });
});
