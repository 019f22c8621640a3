// 第五条 主办单位及备案编号标示: one test per check; the test body is shared (src/audit/check-test.ts).
import { CHECK_CATALOG, type CheckId } from '../src/checks/catalog.js';
import { runCheckTest } from '../src/audit/check-test.js';

const CHECKS: CheckId[] = ['filing-disclosure'];

describe('第五条 主办单位及备案编号标示', () => {
  for (const id of CHECKS) {
    it(`${CHECK_CATALOG[id].title}（${id}）`, async function () {
      await runCheckTest(this, id);
    });
  }
});
