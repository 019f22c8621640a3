// 第十七条 稳定运行: one test per check; the test body is shared (src/audit/check-test.ts).
import { CHECK_CATALOG, type CheckId } from '../src/checks/catalog.js';
import { runCheckTest } from '../src/audit/check-test.js';

const CHECKS: CheckId[] = ['stability'];

describe('第十七条 稳定运行', () => {
  for (const id of CHECKS) {
    it(`${CHECK_CATALOG[id].title}（${id}）`, async function () {
      await runCheckTest(this, id);
    });
  }
});
