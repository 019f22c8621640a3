/** App requests leave the simulated device for real: through the configured proxy, or direct, never throwing. */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sendAppRequest } from '../../src/sim/engine/request-sender.js';

describe('app requests', () => {
  const seen: { url: string; host: string; body: string; method: string }[] = [];
  let proxy: http.Server;
  let port = 0;

  before(async () => {
    proxy = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', host: req.headers.host ?? '', body, method: req.method ?? '' });
        res.writeHead(201).end();
      });
    });
    proxy.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    port = (proxy.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => proxy.close(() => r())));

  it('sends plain HTTP through the proxy in absolute form with the JSON body', async () => {
    const result = await sendAppRequest({ method: 'POST', url: 'http://api.app.example/v1/checkin?x=1', body: { userId: 'u1' } }, { pkg: 'p', context: 'tap:x', proxy: `127.0.0.1:${port}`, trustsUserCa: false });
    assert.equal(result.status, 201);
    assert.deepEqual(seen.at(-1), { url: 'http://api.app.example/v1/checkin?x=1', host: 'api.app.example', body: '{"userId":"u1"}', method: 'POST' });
  });

  it('tunnels HTTPS with CONNECT; a refused tunnel is a failed request, not an exception', async () => {
    const result = await sendAppRequest({ method: 'GET', url: 'https://api.app.example/v1/home' }, { pkg: 'p', context: 'launch', proxy: `127.0.0.1:${port}`, trustsUserCa: false });
    assert.equal(result.status, undefined);
    assert.match(result.error ?? '', /CONNECT 403/);
  });

  it('goes direct without a proxy; an unresolvable host fails quietly', async () => {
    const result = await sendAppRequest({ method: 'GET', url: 'http://nothing.invalid/x' }, { pkg: 'p', context: 'launch', proxy: undefined, trustsUserCa: false, timeoutMs: 3000 });
    assert.ok(result.error);
    assert.equal(result.via, undefined);
  });
});
