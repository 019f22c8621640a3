/** The Allure child's environment: analytics off whatever the caller set, fast JVM options unless the lab chose its own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALLURE_JVM_OPTS, allureEnv } from '../../src/report/allure-report.js';

void describe('allureEnv', () => {
  void it('turns analytics off even when the caller turned them on, and adds the JVM options', () => {
    const env = allureEnv({ PATH: '/usr/bin', ALLURE_NO_ANALYTICS: 'false' });
    assert.equal(env.ALLURE_NO_ANALYTICS, 'true');
    assert.equal(env.ALLURE_OPTS, ALLURE_JVM_OPTS);
    assert.equal(env.PATH, '/usr/bin');
  });

  void it("keeps a lab's own ALLURE_OPTS", () => {
    assert.equal(allureEnv({ ALLURE_OPTS: '-Xmx2g' }).ALLURE_OPTS, '-Xmx2g');
  });
});
