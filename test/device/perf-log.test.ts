/** Chromium performance-log entries → requests. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NetworkLogAssembler } from '../../src/platforms/h5/perf-log.js';

type Params = Record<string, unknown>;
const entry = (method: string, params: Params, timestamp = 1_700_000_000_000) => ({ message: JSON.stringify({ message: { method, params } }), timestamp });
const sent = (requestId: string, url: string, extra: { method?: string; postData?: string; type?: string } = {}) =>
  entry('Network.requestWillBeSent', { requestId, type: extra.type ?? 'XHR', request: { url, method: extra.method ?? 'GET', ...(extra.postData ? { postData: extra.postData, hasPostData: true } : {}) } });
const response = (requestId: string, status: number) => entry('Network.responseReceived', { requestId, response: { status } });
const finished = (requestId: string) => entry('Network.loadingFinished', { requestId });
const failed = (requestId: string, errorText: string) => entry('Network.loadingFailed', { requestId, errorText });

void describe('NetworkLogAssembler', () => {
  void it('assembles requestWillBeSent + responseReceived + loadingFinished into one request with status and body', () => {
    const log = new NetworkLogAssembler();
    const body = '{"lat":39.9,"lng":116.4}';
    const done = log.feed([sent('1', 'https://app.gov.cn/api/track', { method: 'POST', postData: body }), response('1', 201), finished('1')]);
    assert.deepEqual(done, [{ requestId: '1', method: 'POST', url: 'https://app.gov.cn/api/track', resourceType: 'XHR', postData: body, status: 201, ts: 1_700_000_000_000 }]);
    assert.deepEqual(log.flush(), []);
  });

  void it('marks loadingFailed requests failed with the error text', () => {
    const log = new NetworkLogAssembler();
    const [request] = log.feed([sent('7', 'https://app.gov.cn/api/user'), failed('7', 'net::ERR_CONNECTION_REFUSED')]);
    assert.equal(request?.failed, true);
    assert.equal(request?.errorText, 'net::ERR_CONNECTION_REFUSED');
    assert.equal(request?.status, undefined);
  });

  void it('completes a request whose events arrive in two feeds, not before', () => {
    const log = new NetworkLogAssembler();
    assert.deepEqual(log.feed([sent('2', 'https://app.gov.cn/a.js', { type: 'Script' }), response('2', 404)]), []);
    const done = log.feed([finished('2')]);
    assert.equal(done.length, 1);
    assert.equal(done[0]?.status, 404);
    assert.equal(done[0]?.resourceType, 'Script');
  });

  void it('drops non-http requests such as data: URLs', () => {
    const log = new NetworkLogAssembler();
    assert.deepEqual(log.feed([sent('3', 'data:image/png;base64,AAAA'), finished('3')]), []);
    log.feed([sent('4', 'blob:https://app.gov.cn/x')]);
    assert.deepEqual(log.flush(), []);
  });

  void it('flush returns and forgets requests still in flight', () => {
    const log = new NetworkLogAssembler();
    log.feed([sent('5', 'https://app.gov.cn/slow'), sent('6', 'https://app.gov.cn/fast'), finished('6')]);
    assert.deepEqual(log.flush().map((r) => r.url), ['https://app.gov.cn/slow']);
    assert.deepEqual(log.flush(), []);
    assert.deepEqual(log.feed([finished('5')]), []);
  });

  void it('reports each hop of a redirect as a request', () => {
    const log = new NetworkLogAssembler();
    const done = log.feed([sent('8', 'http://app.gov.cn/'), sent('8', 'https://app.gov.cn/'), response('8', 200), finished('8')]);
    assert.deepEqual(done.map((r) => r.url), ['http://app.gov.cn/', 'https://app.gov.cn/']);
  });

  void it('skips malformed entries and events without a request id', () => {
    const log = new NetworkLogAssembler();
    const done = log.feed([{ message: 'not json' }, entry('Network.dataReceived', {}), sent('9', 'https://app.gov.cn/ok'), finished('9')]);
    assert.deepEqual(done.map((r) => r.requestId), ['9']);
  });
});
