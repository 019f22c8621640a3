/**
 * The tap-listener recorder (tap-listeners.browser.js) run in a VM whose EventTarget is a stand-in:
 * what it records per target, what it leaves to the original methods, and when it says it saw
 * every registration (installed before any script).
 */
import assert from 'node:assert/strict';
import { createContext, runInContext } from 'node:vm';
import { describe, it } from 'node:test';
import { TAP_LISTENER_RECORDER } from '../../src/platforms/h5/page-scripts.js';

interface Recorded { type: string; listener: unknown; capture: boolean }
interface Taps { early: boolean; of(target: unknown): Recorded[] | null }

function page(readyState = 'loading', scripts = 0) {
  const calls: string[] = [];
  class Target {
    addEventListener(type: string, _listener?: unknown, _options?: unknown): void { calls.push(`add ${type}`); }
    removeEventListener(type: string, _listener?: unknown, _options?: unknown): void { calls.push(`remove ${type}`); }
  }
  const window: Record<string, unknown> = {};
  const context = createContext({ window, EventTarget: Target, WeakMap, Object, document: { readyState, getElementsByTagName: () => ({ length: scripts }) } });
  runInContext(TAP_LISTENER_RECORDER, context);
  return { Target, calls, taps: window.__govappTaps as Taps, rerun: (): void => { runInContext(TAP_LISTENER_RECORDER, context); } };
}

describe('tap-listener recorder', () => {
  it('records tap-like listeners per target and still registers them with the browser', () => {
    const { Target, calls, taps } = page();
    const a = new Target(), b = new Target();
    const onTap = () => undefined;
    a.addEventListener('click', onTap);
    a.addEventListener('touchend', onTap, { capture: true, passive: true });
    a.addEventListener('scroll', onTap);
    b.addEventListener('keydown', onTap);
    assert.deepEqual(Array.from(taps.of(a) ?? [], (l) => [l.type, l.capture]), [['click', false], ['touchend', true]]);
    assert.equal(taps.of(b), null);
    assert.deepEqual(calls, ['add click', 'add touchend', 'add scroll', 'add keydown']);
  });

  it('keeps one entry per (type, listener, capture), as the DOM does, and forgets removed ones', () => {
    const { Target, taps } = page();
    const a = new Target();
    const onTap = () => undefined;
    a.addEventListener('click', onTap);
    a.addEventListener('click', onTap, false);
    a.addEventListener('click', onTap, true);
    assert.equal(taps.of(a)?.length, 2);
    a.removeEventListener('click', onTap, true);
    assert.deepEqual(Array.from(taps.of(a) ?? [], (l) => l.capture), [false]);
    a.removeEventListener('click', onTap);
    assert.equal(taps.of(a), null);
  });

  it('ignores registrations without a listener and never throws into the page', () => {
    const { Target, taps } = page();
    const a = new Target();
    a.addEventListener('click');
    assert.equal(taps.of(a), null);
  });

  it('says it saw everything only when installed while the document had no script yet', () => {
    assert.equal(page('loading', 0).taps.early, true);
    assert.equal(page('loading', 2).taps.early, false);
    assert.equal(page('complete', 0).taps.early, false);
  });

  it('installs once per document', () => {
    const { Target, taps, rerun } = page();
    rerun();
    const a = new Target();
    a.addEventListener('click', () => undefined);
    assert.equal(taps.of(a)?.length, 1);
  });
});
