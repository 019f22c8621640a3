/**
 * OCR end to end on a real image, offline: the violating sample's banner composited into a
 * device-pixel screenshot, read by the tesseract.js pool, words mapped back to CSS pixels, and a
 * second read of the same pixels served from the cache.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { ocrLines } from '../../src/checks/ocr-view.js';
import { ocrScreens } from '../../src/ocr/ocr-screens.js';
import type { OcrCache } from '../../src/ocr/recognize.js';
import { createOcrPool } from '../../src/ocr/tesseract-pool.js';
import { caseBundle } from '../helpers/corpus.js';

const DPR = 2;

async function screenshotWithBanner(): Promise<Buffer> {
  const banner = await sharp('samples/zhangshang-zhengwu/img/rank-banner.png').resize({ width: 388 * DPR }).toBuffer();
  return sharp({ create: { width: 412 * DPR, height: 915 * DPR, channels: 3, background: '#f5f5f5' } })
    .composite([{ input: banner, left: 12 * DPR, top: 60 * DPR }]).png().toBuffer();
}

describe('OCR pass (tesseract.js, chi_sim + eng from npm)', () => {
  const engine = createOcrPool(1);
  after(() => engine.terminate());

  it('reads the banner where the UI model has only an image, boxes in CSS pixels, cached on the second read', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ocr-test-'));
    mkdirSync(join(out, 'evidence'));
    writeFileSync(join(out, 'evidence', 'shot.png'), await screenshotWithBanner());
    const screen = caseBundle({ id: 'banner', source: 'test', labels: [], screen: { title: '首页', nodes: [
      { role: 'h1', text: '掌上政务通', b: [0, 0, 412, 48] }, { role: 'img', b: [12, 60, 388, 88] }, { role: 'p', text: '通知公告 关于开展应用推广工作的通知', b: [12, 160, 388, 40] }] } }).screens[0]!;
    screen.screenshot = { kind: 'screenshot', path: 'evidence/shot.png', sha256: 'b'.repeat(64) };
    screen.viewport = { width: 412, height: 915, devicePixelRatio: DPR };
    const plain = { ...screen, id: 's1', nodes: screen.nodes.filter((n) => n.role !== 'img') };

    const cache: OcrCache = new Map();
    const first = await ocrScreens([screen, plain], out, engine, cache);
    assert.equal(first.stats.screensSeen, 2);
    assert.equal(first.stats.screensRead, 1, 'the screen without an image is not read');
    const lines = ocrLines(first.events[0]!.words);
    const title = lines.find((l) => /积分排行榜/.test(l.text));
    assert.ok(title, lines.map((l) => l.text).join(' | '));
    assert.ok(title.bounds.x >= 12 && title.bounds.x < 60 && title.bounds.y >= 60 && title.bounds.y < 90, JSON.stringify(title.bounds));
    assert.ok(title.bounds.width > 100 && title.bounds.width < 300, JSON.stringify(title.bounds));

    const again = await ocrScreens([screen], out, engine, cache);
    assert.equal(again.stats.cacheHits, 1);
    assert.equal(again.events[0]!.ms, 0);
    assert.deepEqual(again.events[0]!.words, first.events[0]!.words);
  });
});
