/** Pure helpers of the explorer: paths over the transition graph, secret masking, the random-walk baseline. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Step } from '../../src/evidence/types.js';
import { masker, MASKED } from '../../src/explore/mask.js';
import { randomWalk, seededRandom } from '../../src/explore/random-walk.js';
import { isPrefix, routeBetween, shortestPaths } from '../../src/explore/transition-paths.js';
import { FakeDevice, type FakeApp } from '../helpers/fake-device.js';

const tap = (label: string): Step => ({ action: 'tap', label, locator: `#${label}` });
const edge = (from: string, to: string, ...labels: string[]) => ({ from, to, steps: labels.map(tap) });

void describe('transition paths', () => {
  // home → a → b → c (long way) and home → tab → c (short way); form submit is two steps but one move.
  const edges = [edge('home', 'a', 'A'), edge('a', 'b', 'B'), edge('b', 'c', 'C'), edge('home', 'tab', 'Tab'), edge('tab', 'c', 'name', 'Submit'), edge('c', 'c', 'Scroll')];

  void it('finds the fewest moves to every screen, counting a filled-in submit as one move', () => {
    const paths = shortestPaths(edges, 'home', [{ action: 'launch', label: '启动' }]);
    assert.equal(paths.get('c')?.depth, 2);
    assert.deepEqual(paths.get('c')?.steps.map((s) => s.label), ['启动', 'Tab', 'name', 'Submit']);
    assert.equal(paths.get('b')?.depth, 2);
  });

  void it('routes between two screens over known transitions, ignoring self-loops, or says there is none', () => {
    assert.deepEqual(routeBetween(edges, 'a', 'c')?.map((s) => s.label), ['B', 'C']);
    assert.equal(routeBetween(edges, 'c', 'home'), undefined);
    assert.deepEqual(routeBetween(edges, 'c', 'c'), []);
  });

  void it('compares paths by label and locator', () => {
    assert.equal(isPrefix([tap('A')], [tap('A'), tap('B')]), true);
    assert.equal(isPrefix([tap('B')], [tap('A'), tap('B')]), false);
    assert.equal(isPrefix([tap('A'), tap('B')], [tap('A')]), false);
  });
});

void describe('masker', () => {
  const mask = masker(['Pa"ss w#rd', 'ab']);

  void it('masks the secret as written, JSON-escaped and URL-encoded, in nested values; ignores secrets under 3 characters', () => {
    const masked = mask({ body: '{"p":"Pa\\"ss w#rd"}', url: `/login?p=${encodeURIComponent('Pa"ss w#rd')}`, list: ['x Pa"ss w#rd y'], n: 3, short: 'ab' });
    assert.deepEqual(masked, { body: `{"p":"${MASKED}"}`, url: `/login?p=${MASKED}`, list: [`x ${MASKED} y`], n: 3, short: 'ab' });
  });

  void it('returns values unchanged when there is nothing to mask', () => {
    const value = { a: 'text' };
    assert.equal(masker([])(value), value);
  });
});

void describe('randomWalk', () => {
  const app: FakeApp = {
    origin: 'https://fake.gov.cn', start: 'home',
    screens: {
      home: { route: '/home', title: '首页', controls: [{ text: '办事', to: 'services' }, { text: '我的', to: 'mine' }] },
      services: { route: '/services', title: '办事', controls: [{ text: '社保', to: 'shebao' }] },
      shebao: { route: '/shebao', title: '社保', controls: [] },
      mine: { route: '/mine', title: '我的', controls: [] },
    },
  };

  void it('is repeatable for a seed, stops at the action cap, and counts distinct screens', async () => {
    const a = await randomWalk(new FakeDevice(app), { budgetMs: 10_000, maxActions: 12, seed: 3 });
    const b = await randomWalk(new FakeDevice(app), { budgetMs: 10_000, maxActions: 12, seed: 3 });
    assert.equal(a.actions, 12);
    assert.deepEqual(a.screens, b.screens);
    assert.ok(a.screens.length >= 1 && a.screens.length <= 4);
    assert.equal(new Set(a.screens.map((s) => s.title)).size, a.screens.length);
  });

  void it('draws numbers in [0, 1)', () => {
    const r = seededRandom(42);
    for (let i = 0; i < 100; i++) { const x = r(); assert.ok(x >= 0 && x < 1); }
  });
});
