/** The capture proxy with real clients (curl through it): bodies recorded, untrusted TLS listed by host. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { CaptureProxy } from '../../../src/platforms/shared/network-proxy/capture-proxy.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'proxy-test-'));
let proxy: CaptureProxy;

before(async () => {
  proxy = await CaptureProxy.start({ scratchDir: scratch, upstream: 'answer-locally' });
});
after(async () => {
  await proxy.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const curl = (...args: string[]) => run('curl', ['-sS', '--max-time', '10', '-x', `http://127.0.0.1:${proxy.port}`, ...args]).catch((e: unknown) => e);

test('the per-run CA lives in the scratch folder', () => {
  assert.ok(existsSync(join(scratch, 'proxy-ca', 'ca.key')));
  assert.match(readFileSync(proxy.caCertPath, 'utf8'), /BEGIN CERTIFICATE/);
});

test('an HTTPS POST from a client trusting the lab CA is decrypted: method, URL, body, status', async () => {
  await curl('--cacert', proxy.caCertPath, '-H', 'content-type: application/json', '-d', '{"lng":116.39,"lat":39.9}', 'https://api.zhengwu.example/track/report');
  await new Promise((r) => setTimeout(r, 100));
  const [request, ...rest] = proxy.drain();
  assert.equal(rest.length, 0);
  assert.equal(request!.method, 'POST');
  assert.equal(request!.url, 'https://api.zhengwu.example/track/report');
  assert.equal(request!.postData, '{"lng":116.39,"lat":39.9}');
  assert.equal(request!.requestContentType, 'application/json');
  assert.equal(request!.status, 200);
  assert.deepEqual(proxy.drain(), []);
});

test('a client that does not trust the lab CA: no request content, the host listed with the cause', async () => {
  await curl('https://pinned.example/heartbeat');
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(proxy.drain(), []);
  const hosts = proxy.undecrypted();
  assert.equal(hosts.length, 1);
  assert.equal(hosts[0]!.host, 'pinned.example');
  assert.match(hosts[0]!.cause, /cert-rejected|closed|reset|unknown/);
});

test('plain HTTP through the proxy is recorded too', async () => {
  await curl('http://plain.example/ping?t=1');
  await new Promise((r) => setTimeout(r, 100));
  const requests = proxy.drain();
  assert.deepEqual(requests.map((r) => [r.method, r.url, r.status]), [['GET', 'http://plain.example/ping?t=1', 200]]);
});
