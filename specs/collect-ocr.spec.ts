// 文字识别（OCR）: reads image-only text (banners, canvas, icons) on the screens that need it,
// after exploration and before the checks, which then match those words like UI text. The probes
// that run alongside the others start first, so their waiting overlaps this pass.
import { browser } from '@wdio/globals';
import { runOcrTest } from '../src/audit/ocr-test.js';
import { timePhase } from '../src/audit/phase-timer.js';
import { startAlongside } from '../src/audit/probe-suite.js';

describe('文字识别（OCR）', () => {
  before(() => startAlongside(browser));
  it('识别图片与画布中的文字', async () => {
    await timePhase('ocr', () => runOcrTest());
  });
});
