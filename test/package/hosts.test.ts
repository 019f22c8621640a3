/** Endpoint extraction and permission classification on hand-picked strings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findHosts } from '../../src/package/hosts.js';
import { describePermission } from '../../src/package/permissions-catalog.js';

const kinds = (text: string, whole = false): string[] => findHosts(text, 'x', whole).map((h) => `${h.kind}:${h.value}`);

void describe('findHosts', () => {
  void it('finds cleartext and TLS URLs with their hosts', () => {
    assert.deepEqual(kinds('see http://api.gov.cn/a?b=1, then https://[2001:db8::1]:8443/x.'), [
      'url-http:http://api.gov.cn/a?b=1', 'hostname:api.gov.cn', 'url-https:https://[2001:db8::1]:8443/x', 'ipv6:2001:db8::1',
    ]);
  });
  void it('finds IPv4 literals inside and outside URLs', () => {
    assert.deepEqual(kinds('http://10.0.0.1:8080/x and 192.168.1.20'), ['url-http:http://10.0.0.1:8080/x', 'ipv4:10.0.0.1', 'ipv4:192.168.1.20']);
  });
  void it('ignores XML namespace URIs, Java class URLs, package names and short IPv6-like tokens', () => {
    assert.deepEqual(kinds('http://schemas.android.com/apk/res/android'), []);
    assert.deepEqual(kinds('http://javax.xml.XMLConstants/feature/secure-processing'), []);
    assert.deepEqual(kinds('com.example.app', true), []);
    assert.deepEqual(kinds('a::', true), []);
    assert.deepEqual(kinds('999.1.1.1'), []);
  });
  void it('accepts a whole string that is a hostname only when asked', () => {
    assert.deepEqual(kinds('zwfw.gov.cn', true), ['hostname:zwfw.gov.cn']);
    assert.deepEqual(kinds('zwfw.gov.cn'), []);
  });
});

void describe('describePermission', () => {
  void it('classifies platform permissions and keeps unknown ones', () => {
    assert.equal(describePermission('android', 'android.permission.ACCESS_BACKGROUND_LOCATION').risk, 'background-location');
    assert.equal(describePermission('harmonyos', 'ohos.permission.LOCATION_IN_BACKGROUND').risk, 'background-location');
    assert.equal(describePermission('ios', 'NSCameraUsageDescription').risk, 'camera');
    assert.equal(describePermission('android', 'com.vendor.PUSH').risk, 'other');
    assert.equal(describePermission('android', 'android.permission.toString').risk, 'other');
  });
});
