/** Annotated screenshots: the finding's box and label where the bounds say, the rest of the screenshot untouched. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { annotateScreenshot } from '../../src/evidence/annotate.js';

const WIDTH = 540;
const HEIGHT = 1200;

/** A grey screenshot with a fine pattern, so that any changed pixel shows. */
async function screenshot(): Promise<{ png: Buffer; raw: Buffer }> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = 100 + ((i * 7) % 50);
  return { png: await sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png().toBuffer(), raw };
}

async function pixels(png: Buffer): Promise<{ data: Buffer; channels: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([info.width, info.height], [WIDTH, HEIGHT]);
  return { data, channels: info.channels };
}

function at(image: { data: Buffer; channels: number }, x: number, y: number): number[] {
  const i = (y * WIDTH + x) * image.channels;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 60 && b! < 60;

void describe('annotateScreenshot', () => {
  void it('boxes the bounds in red with a label above, and changes no pixel away from them', async () => {
    const { png, raw } = await screenshot();
    // CSS bounds at pixel ratio 2: the box spans x 100–300, y 400–480 in image pixels.
    const out = await pixels(await annotateScreenshot(png, [{ bounds: { x: 50, y: 200, width: 100, height: 40 }, label: '积分排名' }], 2));
    assert.ok(isRed(at(out, 100, 440)), 'left edge of the box');
    assert.ok(isRed(at(out, 300, 440)), 'right edge of the box');
    assert.ok(isRed(at(out, 200, 480)), 'bottom edge of the box');
    assert.ok(isRed(at(out, 104, 372)), 'the label sits above the box');
    let white = 0;
    for (let y = 364; y < 394; y++) for (let x = 100; x < 230; x++) if (at(out, x, y).every((c) => c > 200)) white++;
    assert.ok(white > 30, `the label's text is drawn (${white} white pixels)`);
    assert.deepEqual(at(out, 200, 440), [...raw.subarray((440 * WIDTH + 200) * 3, (440 * WIDTH + 200) * 3 + 3)], 'inside the box is untouched');
    let changedFar = 0;
    for (let y = 0; y < HEIGHT; y += 3) {
      for (let x = 0; x < WIDTH; x += 3) {
        const near = y >= 340 && y <= 500 && x >= 80;
        if (near) continue;
        const o = (y * WIDTH + x) * 3;
        if (at(out, x, y).some((c, k) => c !== raw[o + k])) changedFar++;
      }
    }
    assert.equal(changedFar, 0, 'no pixel away from the box and its label changed');
  });

  void it('lists an annotation below the screenshot in a banner at the bottom, and boxes those inside', async () => {
    const { png } = await screenshot();
    const out = await pixels(await annotateScreenshot(png, [
      { bounds: { x: 10, y: 2000, width: 50, height: 20 }, label: '统计在线时长' },
      { bounds: { x: 200, y: 20, width: 20, height: 20 }, label: '打卡' },
    ], 1));
    assert.ok(isRed(at(out, 4, HEIGHT - 8)) && isRed(at(out, WIDTH - 4, HEIGHT - 20)), 'the banner spans the bottom');
    assert.ok(isRed(at(out, 200, 30)), 'the annotation inside the image is boxed');
  });
});
