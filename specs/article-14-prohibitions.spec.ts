// 第十四条 禁止情形: one test per check; the test body is shared (src/audit/check-test.ts).
import { CHECK_CATALOG, type CheckId } from '../src/checks/catalog.js';
import { runCheckTest } from '../src/audit/check-test.js';

const CHECKS: CheckId[] = ['repeated-data-reporting', 'forced-check-in', 'points-ranking', 'online-duration-tracking', 'forced-promotion', 'mandatory-login', 'engagement-metrics-assessment', 'forced-media-upload', 'commercial-activity'];

describe('第十四条 禁止情形', () => {
  for (const id of CHECKS) {
    it(`${CHECK_CATALOG[id].title}（${id}）`, async function () {
      await runCheckTest(this, id);
    });
  }
});
