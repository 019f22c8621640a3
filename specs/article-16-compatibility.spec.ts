// 第十六条 适配性与 IPv6: one test per check; the test body is shared (src/audit/check-test.ts).
import { CHECK_CATALOG, type CheckId } from '../src/checks/catalog.js';
import { runCheckTest } from '../src/audit/check-test.js';

const CHECKS: CheckId[] = ['ipv6-readiness'];

describe('第十六条 适配性与 IPv6', () => {
  for (const id of CHECKS) {
    it(`${CHECK_CATALOG[id].title}（${id}）`, async function () {
      await runCheckTest(this, id);
    });
  }
});
