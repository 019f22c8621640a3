// 应用探索: explores the app once; every check below judges what was recorded here.
import { browser } from '@wdio/globals';
import { runExploreTest } from '../src/audit/explore-test.js';
import { timePhase } from '../src/audit/phase-timer.js';

describe('应用探索', () => {
  it('自动探索应用界面并记录证据', async () => {
    await timePhase('exploration', () => runExploreTest(browser));
  });
});
