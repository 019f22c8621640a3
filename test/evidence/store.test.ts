/** The evidence store: blobs named by their hash, an append-only log read back as a bundle. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets, secretMask } from '../../src/evidence/secret-mask.js';
import { coverage, link, request, runIssue, screen, stepsTo } from '../helpers/evidence-builder.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
  dirs.push(dir);
  return dir;
};
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

void describe('EvidenceStore.putBlob', () => {
  void it('names the file by the sha256 of its content, relative to the output folder', () => {
    const out = tempDir();
    const store = new EvidenceStore(out, noSecrets);
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const ref = store.putBlob('screenshot', data, 'png');
    const onDisk = readFileSync(join(out, ref.path));
    const hash = createHash('sha256').update(onDisk).digest('hex');
    assert.equal(ref.sha256, hash);
    assert.equal(ref.path, `evidence/${hash}.png`);
    assert.equal(ref.kind, 'screenshot');
    assert.deepEqual(onDisk, data);
  });

  void it('is idempotent: the same content is one file, other content another', () => {
    const out = tempDir();
    const store = new EvidenceStore(out, noSecrets);
    const first = store.putBlob('ui-tree', '[{"id":0}]', 'json');
    const mtime = statSync(join(out, first.path)).mtimeMs;
    const again = store.putBlob('ui-tree', '[{"id":0}]', 'json');
    const other = store.putBlob('ui-tree', '[{"id":1}]', 'json');
    assert.deepEqual(again, first);
    assert.notEqual(other.sha256, first.sha256);
    assert.equal(statSync(join(out, first.path)).mtimeMs, mtime);
    assert.equal(readdirSync(join(out, 'evidence')).length, 2);
  });
});

void describe('readEvidenceBundle', () => {
  void it('round-trips appended events by type and takes the app origin from the first screen', () => {
    const out = tempDir();
    const store = new EvidenceStore(out, noSecrets);
    const home = screen({ title: '首页', url: 'https://zwfw.example.gov.cn/h5/#/home', body: [link('我的')] });
    const mine = screen({ title: '我的', url: 'https://zwfw.example.gov.cn/h5/#/mine', depth: 1, body: [] });
    const req = request({ url: 'https://zwfw.example.gov.cn/api/x', screenId: home.id });
    const cov = coverage({ screens: 2 });
    const issue = runIssue('renderer crashed');
    store.append(home);
    store.append(req);
    store.append(mine);
    store.append({ type: 'transition', from: home.id, to: mine.id, step: mine.steps[1]!, at: '2026-03-01T08:00:01.000Z' });
    store.append({ type: 'console', level: 'SEVERE', message: 'boom', ts: 2 });
    store.append(issue);
    store.append(cov);
    const bundle = readEvidenceBundle(out);
    assert.deepEqual(bundle.screens, [home, mine]);
    assert.deepEqual(bundle.network, [req]);
    assert.equal(bundle.transitions.length, 1);
    assert.equal(bundle.console[0]?.message, 'boom');
    assert.deepEqual(bundle.issues, [issue]);
    assert.deepEqual(bundle.coverage, cov);
    assert.equal(bundle.appOrigin, 'https://zwfw.example.gov.cn');
  });

  void it("applies 'screen-path' updates to the screen they name", () => {
    const out = tempDir();
    const store = new EvidenceStore(out, noSecrets);
    const deep = screen({ title: '缴费回执', depth: 5, body: [] });
    const other = screen({ title: '首页', depth: 0, body: [] });
    store.append(deep);
    store.append(other);
    const shorter = stepsTo(4, ['办事', '社保', '缴费记录', '详情']);
    store.append({ type: 'screen-path', id: deep.id, depth: 4, steps: shorter });
    store.append({ type: 'screen-path', id: 'no-such-screen', depth: 1, steps: stepsTo(1) });
    const bundle = readEvidenceBundle(out);
    assert.equal(bundle.screens.length, 2);
    assert.equal(bundle.screens[0]?.depth, 4);
    assert.deepEqual(bundle.screens[0]?.steps, shorter);
    assert.deepEqual(bundle.screens[1], other);
  });

  void it('gives an empty bundle when there is no log', () => {
    assert.deepEqual(readEvidenceBundle(tempDir()), { screens: [], transitions: [], network: [], console: [], issues: [] });
  });

  void it('leaves appOrigin unset for a native screen whose url is not a URL', () => {
    const out = tempDir();
    new EvidenceStore(out, noSecrets).append(screen({ title: '首页', url: 'com.example.gov/.MainActivity', body: [] }));
    assert.equal(readEvidenceBundle(out).appOrigin, undefined);
  });
});

void describe('EvidenceStore masking', () => {
  const account = { username: 'lab-user', password: 'Pa55 w0rd!' };
  const secrets = secretMask(account);

  void it('masks every appended event, whoever writes it (a login request seen by a probe replay)', () => {
    const out = tempDir();
    new EvidenceStore(out, secrets).append({
      type: 'network', requestId: 'r1', method: 'POST', url: `http://h/api/login?u=${account.username}`, ts: 1, probe: 'network-idle',
      postData: JSON.stringify({ id: account.username, password: account.password }),
    });
    const log = readFileSync(join(out, 'evidence', 'events.jsonl'), 'utf8');
    assert.equal(log.includes(account.password) || log.includes(account.username), false, log);
    assert.equal(readEvidenceBundle(out).network[0]?.postData, '{"id":"******","password":"******"}');
  });

  void it('masks text blobs given as strings or Buffers and names them by the masked content; stores PNGs byte for byte', () => {
    const out = tempDir();
    const store = new EvidenceStore(out, secrets);
    const har = store.putBlob('network', `{"postData":"pw=${encodeURIComponent(account.password)}"}\n`, 'jsonl');
    const html = store.putBlob('graph', Buffer.from(`<p>${account.username}</p>`), 'html');
    assert.equal(readFileSync(join(out, har.path), 'utf8'), '{"postData":"pw=******"}\n');
    assert.equal(readFileSync(join(out, html.path), 'utf8'), '<p>******</p>');
    assert.equal(har.sha256, createHash('sha256').update('{"postData":"pw=******"}\n').digest('hex'));
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(account.password)]);
    assert.deepEqual(readFileSync(join(out, store.putBlob('screenshot', png, 'png').path)), png);
  });
});
