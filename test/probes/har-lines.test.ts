/** Chromium performance-log entries (the one parser, src/platforms/h5/perf-log.ts) → HAR-style request records. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NetworkLogAssembler } from '../../src/platforms/h5/perf-log.js';
import type { NetworkEvent } from '../../src/evidence/types.js';
import { harLines } from '../../src/probes/har-lines.js';

const entry = (method: string, params: Record<string, unknown>, timestamp = 1_795_850_000_000) => ({ message: JSON.stringify({ message: { method, params } }), timestamp });

void describe('performance log → HAR', () => {
  void it('keeps response size, MIME type, server IP, request content type and duration', () => {
    const har = new NetworkLogAssembler();
    const done = har.feed([
      entry('Network.requestWillBeSent', { requestId: '1', type: 'Fetch', timestamp: 100.0, request: { url: 'http://[::1]:9/api/x', method: 'POST', postData: '{"a":1}', headers: { 'Content-Type': 'application/json' } } }),
      entry('Network.responseReceived', { requestId: '1', response: { status: 200, mimeType: 'application/json', remoteIPAddress: '::1' } }),
      entry('Network.loadingFinished', { requestId: '1', timestamp: 100.25, encodedDataLength: 321 }),
    ]);
    assert.deepEqual(done, [{
      requestId: '1', method: 'POST', url: 'http://[::1]:9/api/x', ts: 1_795_850_000_000, resourceType: 'Fetch', postData: '{"a":1}',
      requestContentType: 'application/json', status: 200, mimeType: 'application/json', remoteIp: '::1', responseBytes: 321, durationMs: 250,
    }]);
  });

  void it('returns a request still in flight on flush (a hung connection is evidence too), and only once', () => {
    const har = new NetworkLogAssembler();
    assert.deepEqual(har.feed([entry('Network.requestWillBeSent', { requestId: '2', request: { url: 'http://203.0.113.7/api' } })]), []);
    assert.equal(har.flush()[0]?.url, 'http://203.0.113.7/api');
    assert.deepEqual(har.flush(), []);
  });

  void it('writes one HAR-like JSON line per request with host and server address', () => {
    const har = new NetworkLogAssembler();
    const done = har.feed([
      entry('Network.requestWillBeSent', { requestId: '3', request: { url: 'https://app.gov.cn/a?b=1', method: 'GET' } }),
      entry('Network.responseReceived', { requestId: '3', response: { status: 204, remoteIPAddress: '2001:db8::1' } }),
      entry('Network.loadingFailed', { requestId: '3', errorText: 'net::ERR_ABORTED' }),
    ]);
    const line = JSON.parse(harLines(done.map((r): NetworkEvent => ({ type: 'network', ...r }))).trim()) as { request: { host: string }; response: { status: number; error: string }; serverIPAddress: string };
    assert.equal(line.request.host, 'app.gov.cn');
    assert.equal(line.response.status, 204);
    assert.equal(line.response.error, 'net::ERR_ABORTED');
    assert.equal(line.serverIPAddress, '2001:db8::1');
  });
});
