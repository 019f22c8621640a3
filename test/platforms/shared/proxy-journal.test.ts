/** The proxy journal between the CLI and the worker, and what the checks make of traffic it could not read. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { evaluateAll } from '../../../src/checks/evaluate.js';
import type { NetworkEvent } from '../../../src/evidence/types.js';
import { ProxyJournalReader, ProxyJournalWriter } from '../../../src/platforms/shared/network-proxy/proxy-journal.js';
import { evidence, probes } from '../../probes/probe-fixtures.js';

test('the reader drains only what was written since its last call, and reports an undecrypted host again when more connections come', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j');
  const writer = new ProxyJournalWriter(dir);
  const reader = new ProxyJournalReader(dir, () => 42);
  writer.requests([{ requestId: 'a', method: 'POST', url: 'https://api.example/track', ts: 1, postData: '{"lat":1}' }]);
  assert.deepEqual(reader.drain().map((r) => r.requestId), ['a']);
  assert.deepEqual(reader.drain(), []);
  writer.requests([{ requestId: 'b', method: 'GET', url: 'http://x/', ts: 2 }, { requestId: 'c', method: 'GET', url: 'http://y/', ts: 3 }]);
  writer.undecrypted([{ host: 'pinned.example', cause: 'cert-rejected', connections: 1, firstTs: 5 }]);
  const second = reader.drain();
  assert.deepEqual(second.map((r) => [r.method, r.url]), [['GET', 'http://x/'], ['GET', 'http://y/'], ['CONNECT', 'https://pinned.example/']]);
  assert.match(second[2]!.errorText!, /^未能解密：.*cert-rejected.*1 次连接/);
  assert.deepEqual(reader.drain(), []);
  writer.undecrypted([{ host: 'pinned.example', cause: 'cert-rejected', connections: 3, firstTs: 5 }]);
  assert.match(reader.drain()[0]!.errorText!, /3 次连接/);
});

test('a check that needs request content is inconclusive, naming the host, when traffic could not be decrypted; without it the same evidence passes', () => {
  const connect: NetworkEvent = { type: 'network', requestId: 't', method: 'CONNECT', url: 'https://pinned.example/', failed: true, errorText: '未能解密：应用未信任实验室证书', ts: 1, screenId: 's0' };
  const decided = (network: NetworkEvent[]) => evaluateAll(evidence({ network, probes: probes() })).find((r) => r.id === 'online-duration-tracking')!;
  assert.equal(decided([]).outcome, 'pass');
  const withOpaque = decided([connect]);
  assert.equal(withOpaque.outcome, 'inconclusive');
  assert.match(withOpaque.reason!, /pinned\.example.*未能解密/);
});
