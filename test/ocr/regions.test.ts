/** OCR planning: read only what the UI model does not explain. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planOcr, mergeOverlapping } from '../../src/ocr/regions.js';
import { caseBundle, type CorpusCase } from '../helpers/corpus.js';

function screenOf(nodes: CorpusCase['screen']['nodes']) {
  const screen = caseBundle({ id: 't', source: 'test', labels: [], screen: { title: '测试', nodes } }).screens[0]!;
  screen.screenshot = { kind: 'screenshot', path: 'evidence/x.png', sha256: 'a'.repeat(64) };
  return screen;
}

const TEXT = [{ role: 'h1', text: '便民服务首页' }, { role: 'p', text: '常用事项掌上办理' }];

describe('planOcr', () => {
  it('reads an image and a canvas that carry no text, clipped to the viewport', () => {
    const plan = planOcr(screenOf([...TEXT, { role: 'img', b: [12, 60, 388, 90] }, { role: 'canvas', b: [12, 800, 388, 300] }]));
    assert.deepEqual(plan.regions, [{ x: 12, y: 60, width: 388, height: 90 }, { x: 12, y: 800, width: 388, height: 115 }]);
  });

  it('skips screens whose text is all in the UI model: SVG art, small icons, images with alt text', () => {
    const plan = planOcr(screenOf([...TEXT, { role: 'svg', b: [0, 0, 200, 200] }, { role: 'img', b: [0, 300, 24, 24] }, { role: 'img', label: '积分排行榜', b: [0, 400, 300, 80] }]));
    assert.deepEqual(plan.regions, []);
    assert.match(plan.reason, /无需识别/);
  });

  it('reads the whole viewport when the screen has almost no text (a WebView without a tree)', () => {
    const plan = planOcr(screenOf([{ role: 'div', b: [0, 0, 412, 915] }]));
    assert.deepEqual(plan.regions, [{ x: 0, y: 0, width: 412, height: 915 }]);
  });

  it('behind a modal only reads the modal\'s own images (the dimmed page is read on its own screen)', () => {
    const plan = planOcr(screenOf([...TEXT,
      { role: 'img', b: [12, 60, 388, 90] },
      { role: 'a', text: '首页入口', click: true, obscured: true },
      { role: 'div', kids: [{ role: 'img', b: [40, 300, 300, 100] }, { role: 'button', text: '立即签到', click: true }] }]));
    assert.deepEqual(plan.regions, [{ x: 40, y: 300, width: 300, height: 100 }]);
  });

  it('reads a nameless clickable leaf of a native view (an icon-only NAF node), not an H5 one', () => {
    const screen = screenOf([...TEXT, { role: 'div', b: [300, 60, 80, 80], click: true }]);
    assert.deepEqual(planOcr(screen).regions, [], 'an H5 div without text is layout, not a drawn label');
    for (const n of screen.nodes) n.platform = 'android';
    assert.deepEqual(planOcr(screen).regions, [{ x: 300, y: 60, width: 80, height: 80 }]);
  });

  it('never reads a screen without a screenshot', () => {
    const screen = screenOf([...TEXT, { role: 'img', b: [12, 60, 388, 90] }]);
    delete screen.screenshot;
    assert.deepEqual(planOcr(screen).regions, []);
  });

  it('merges overlapping regions so no pixel is read twice', () => {
    assert.deepEqual(mergeOverlapping([{ x: 0, y: 0, width: 100, height: 50 }, { x: 50, y: 25, width: 100, height: 50 }, { x: 300, y: 0, width: 10, height: 10 }]),
      [{ x: 0, y: 0, width: 150, height: 75 }, { x: 300, y: 0, width: 10, height: 10 }]);
  });
});
