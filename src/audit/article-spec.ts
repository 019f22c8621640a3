/** The body of an article's spec file: one mocha suite for the group, one test per check (check-test.ts). */
import { CHECK_CATALOG } from '../checks/catalog.js';
import { articleSuiteOfSpec } from './article-suites.js';
import { runCheckTest } from './check-test.js';

/** Declares the suite of the spec file `spec` (its name in specs/, without `.spec.ts`). */
export function describeArticleSuite(spec: string): void {
  const suite = articleSuiteOfSpec(spec);
  describe(suite.title, () => {
    for (const id of suite.checks) {
      it(`${CHECK_CATALOG[id].title}（${id}）`, async function () {
        await runCheckTest(this, id);
      });
    }
  });
}
