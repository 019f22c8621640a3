/** Device profiles: bundled names, typos, schema errors that name the field. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundledProfileNames, loadDeviceProfile } from '../../src/devices/profile.js';
import { assertAuditError } from '../helpers/audit-error.js';

let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'profile-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

const base = { name: 'lab-phone', label: 'Lab phone', platform: 'h5', viewport: { width: 390, height: 844, deviceScaleFactor: 3 } };
function profileFile(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

void describe('device profiles', () => {
  void it('bundles pixel-7 and loads it by name', () => {
    assert.ok(bundledProfileNames().includes('pixel-7'));
    const profile = loadDeviceProfile('pixel-7');
    assert.equal(profile.name, 'pixel-7');
    assert.equal(profile.platform, 'h5');
  });

  void it('suggests the closest bundled name for an unknown one', () => {
    assertAuditError(() => loadDeviceProfile('pixel-8'), 'bad-device', /Did you mean "pixel-7"\?/);
  });

  void it('loads a valid profile file', () => {
    assert.deepEqual(loadDeviceProfile(profileFile('ok.json', base)), base);
  });

  void it('names an unknown field', () => {
    assertAuditError(() => loadDeviceProfile(profileFile('extra.json', { ...base, colour: 'red' })), 'bad-device', /unknown field "colour"/);
  });

  void it('names a viewport width below the minimum', () => {
    const file = profileFile('narrow.json', { ...base, viewport: { ...base.viewport, width: 50 } });
    assertAuditError(() => loadDeviceProfile(file), 'bad-device', /\/viewport\/width/);
  });

  void it('rejects a missing file and a file that is not JSON', () => {
    assertAuditError(() => loadDeviceProfile(join(dir, 'nope.json')), 'bad-device', /does not exist/);
    assertAuditError(() => loadDeviceProfile(profileFile('broken.json', '{ "name": ')), 'bad-device', /not valid JSON/);
  });
});
