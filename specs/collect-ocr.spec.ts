// 文字识别（OCR）: reads image-only text (banners, canvas, icons) on the screens that need it,
// after exploration and before the checks, which then match those words like UI text.
import { runOcrTest } from '../src/audit/ocr-test.js';
import { timePhase } from '../src/audit/phase-timer.js';

describe('文字识别（OCR）', () => {
  it('识别图片与画布中的文字', async () => {
    await timePhase('ocr', () => runOcrTest());
  });
});
