/** The blank-screen probe over recorded screens: pixels and UI model together, read from the evidence store. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import type { ScreenEvent, UiNode } from '../../src/evidence/types.js';
import type { ProbeContext } from '../../src/probes/probe.js';
import { renderProbe } from '../../src/probes/render-probe.js';
import { evidence, launchScreen } from './probe-fixtures.js';

function white(): Promise<Buffer> {
  return sharp({ create: { width: 108, height: 240, channels: 3, background: '#ffffff' } }).png().toBuffer();
}

function striped(): Promise<Buffer> {
  const stripes = Buffer.alloc(108 * 240 * 3);
  for (let i = 0; i < stripes.length; i++) stripes[i] = Math.floor(i / (108 * 3 * 10)) % 2 ? 0 : 255;
  return sharp(stripes, { raw: { width: 108, height: 240, channels: 3 } }).png().toBuffer();
}

const text = { text: '办事指南', clickable: false } as unknown as UiNode;
const button = { text: '', clickable: true } as unknown as UiNode;

void describe('render probe', () => {
  void it('reports a screen blank only when its screenshot is one flat colour and its UI model shows no text and no control', async () => {
    const out = mkdtempSync(join(tmpdir(), 'render-probe-'));
    const store = new EvidenceStore(out, noSecrets);
    const shot = async (png: Promise<Buffer>) => store.putBlob('screenshot', await png, 'png');
    const screens: ScreenEvent[] = [
      launchScreen('blank', { screenshot: await shot(white()) }),
      launchScreen('white-with-text', { screenshot: await shot(white()), nodes: [text] }),
      launchScreen('white-with-control', { screenshot: await shot(white()), nodes: [button] }),
      launchScreen('picture', { screenshot: await shot(striped()) }),
      launchScreen('no-screenshot'),
      launchScreen('screenshot-file-gone', { screenshot: { kind: 'screenshot', path: 'evidence/missing.png', sha256: 'x' } }),
    ];
    const summary = await renderProbe.run({ store, explored: evidence({ screens }) } as unknown as ProbeContext);
    assert.equal(summary.status, 'done');
    const event = readEvidenceBundle(out).probes?.render;
    assert.equal(event?.screensChecked, 4, 'screens without a screenshot on disk are not counted as checked');
    assert.deepEqual(event?.blank, [{ screenId: 'blank', stdev: 0, textNodes: 0, clickable: 0 }]);
    assert.match(summary.text, /检查了 4 个界面的截图，白屏 1 个：首页/);
  });
});
