/** Screenshots of the simulated device: full-size PNGs whose Chinese text our OCR reads. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { readApkFacts } from '../../src/sim/android/apk-facts.js';
import { androidSystemUi } from '../../src/sim/android/android-system-ui.js';
import { renderScreenshot, wrapText } from '../../src/sim/engine/screenshot.js';
import { SimDevice } from '../../src/sim/engine/sim-device.js';
import { createOcrPool } from '../../src/ocr/tesseract-pool.js';

const engine = createOcrPool(1);
after(() => engine.terminate());

describe('simulated screenshots', () => {
  it('wraps long text inside the node width', () => {
    assert.deepEqual(wrapText('一二三四五六', 40, 100), ['一二', '三四', '五六']);
  });

  it('renders the violating sample home screen legibly (OCR reads 马上签到 and 积分排名)', async () => {
    const facts = await readApkFacts(join(PROJECT_ROOT, 'samples', 'android-violating.apk'));
    facts.model!.coldStartMs = 0;
    const device = new SimDevice({ screen: { width: 1080, height: 2400, density: 420 }, systemUi: androidSystemUi, send: () => undefined });
    device.install(facts);
    await device.launch(facts.packageName);
    const png = await renderScreenshot(device.view(), device.screen);
    device.forceStop(facts.packageName);
    const meta = await sharp(png).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1080, 2400]);
    const crop = await sharp(png).extract({ left: 0, top: 560, width: 1080, height: 420 }).toBuffer();
    const page = await engine.recognize(crop);
    const text = page.text.replace(/\s+/g, '');
    assert.match(text, /马上签到/, text);
    assert.match(text, /积分排名/, text);
  });
});
