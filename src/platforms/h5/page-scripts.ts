/**
 * Scripts the H5 adapter runs in the page, as strings (no compiler helper may leak in).
 * Each is one WebDriver round trip; settle and snapshot are combined for the same reason.
 */
import { readFileSync } from 'node:fs';

function browserSource(file: string): string {
  return readFileSync(new URL(file, import.meta.url), 'utf8');
}

/** govappFind(locator), govappDeepHit(x, y), govappContains(outer, inner): locators across open shadow roots. */
export const LOCATE = browserSource('./locate.browser.js');
const TRANSIENT = browserSource('./transient.browser.js');
/** An expression whose value is the snapshot function, with the helpers it calls in scope. */
const SNAPSHOT_FN = `(function () {\n${browserSource('./tap-reading.browser.js')}\n${TRANSIENT}\n${LOCATE}\nreturn (${browserSource('./dom-snapshot.browser.js')});\n})()`;

/** Records tap-like listeners per node from document start; see tap-listeners.browser.js. */
export const TAP_LISTENER_RECORDER = browserSource('./tap-listeners.browser.js');

/**
 * JS dialogs block WebDriver and, unanswered, end the session's next command with an error. The
 * page's alert/confirm/prompt are replaced (once per document) by functions that record the
 * message and answer by policy: confirm is accepted unless its text matches the dismiss pattern
 * (退出登录, 删除…); prompt is always cancelled, since we have no meaningful answer. Installed at
 * document start (a dialog during loading is answered too) and again by every settle, which also
 * brings the current dismiss pattern.
 */
const DIALOG_HOOK_FN = `function govappDialogHook(dismiss) {
    window.__govappDismiss = dismiss;
    if (window.__govappDialogs) return;
    var log = window.__govappDialogs = [];
    window.alert = function (m) { log.push({ kind: 'alert', message: String(m), accepted: true }); };
    window.confirm = function (m) { var ok = !new RegExp(window.__govappDismiss).test(String(m)); log.push({ kind: 'confirm', message: String(m), accepted: ok }); return ok; };
    window.prompt = function (m) { log.push({ kind: 'prompt', message: String(m), accepted: false }); return null; };
  }`;

/** The dialog hook as an init script for a dismiss pattern. */
export function dialogHookScript(dismissPattern: string): string {
  return `(${DIALOG_HOOK_FN})(${JSON.stringify(dismissPattern)});`;
}

/**
 * Settled means: the document is loaded, the DOM and the URL have been quiet for quietMs, no
 * short CSS animation or transition runs (a view entering or leaving: a snapshot taken then mixes
 * the old route's content with the new URL), and no transient overlay (toast, loading mask) shows
 * at the centre. All bounded by maxMs. Animations and overlays are checked only once the DOM is
 * quiet, at most every 50 ms, to keep the poll cheap.
 */
const SETTLE_BODY = `
  var done = arguments[arguments.length - 1];
  var quietMs = arguments[0], maxMs = arguments[1];
  (${DIALOG_HOOK_FN})(arguments[2]);
  ${TRANSIENT}
  var last = Date.now(), start = Date.now(), href = location.href, checked = 0;
  var observer = new MutationObserver(function () { last = Date.now(); });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  (function poll() {
    var now = Date.now();
    if (location.href !== href) { href = location.href; last = now; }
    var quiet = document.readyState === 'complete' && now - last >= quietMs;
    if (quiet && now - checked >= 50) {
      checked = now;
      if (govappAnimating() || govappTransientShown()) last = now - quietMs + 50;
      else { observer.disconnect(); finish(); return; }
    }
    if (now - start >= maxMs) { observer.disconnect(); finish(); }
    else setTimeout(poll, 10);
  })();`;

/** Waits until the DOM has been quiet for quietMs (at most maxMs); args: quietMs, maxMs, dismissPattern. */
export const SETTLE_SCRIPT = `${SETTLE_BODY}\n  function finish() { done(true); }`;

/** Settles, then returns the snapshot: one round trip per observed screen. */
export const OBSERVE_SCRIPT = `${SETTLE_BODY}\n  function finish() { done((${SNAPSHOT_FN})()); }`;

export const SNAPSHOT_SCRIPT = `return (${SNAPSHOT_FN})();`;

/**
 * Sets an input's value through the native setter and fires input/change, as a keyboard would
 * (frameworks listen to these events; the setter bypasses their value tracking). Never returns
 * the value.
 */
export const TYPE_SCRIPT = `
  ${LOCATE}
  var el = govappFind(arguments[0]);
  if (!el) throw new Error('no such element: ' + arguments[0]);
  el.scrollIntoView({ block: 'center' });
  el.focus();
  var proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  el.blur();`;

export const SELECT_SCRIPT = `
  ${LOCATE}
  var el = govappFind(arguments[0]);
  if (!el || el.tagName !== 'SELECT') throw new Error('no such select: ' + arguments[0]);
  el.selectedIndex = Math.min(arguments[1], el.options.length - 1);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));`;

/** Scrolls the document by 80% of the viewport, the way a swipe would. */
export const SCROLL_SCRIPT = `window.scrollBy(0, Math.round(window.innerHeight * 0.8));`;

/**
 * A tap as the page sees one in mobile emulation, synthesised in the page: hit-test the element's
 * centre (what is on top gets the tap, as with a finger; a covering modal makes it fail like
 * WebDriver's "element click intercepted"), then pointer, touch and compatibility mouse events and
 * the click. One round trip (~20 ms) instead of WebDriver's find + click (~250 ms here). The events
 * are not `isTrusted`; an app that checks that would need the WebDriver click instead.
 */
export const TAP_SCRIPT = `
  ${LOCATE}
  var el = govappFind(arguments[0]);
  if (!el) throw new Error('no such element: ' + arguments[0]);
  var r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth) { el.scrollIntoView({ block: 'center' }); r = el.getBoundingClientRect(); }
  var x = r.left + r.width / 2, y = r.top + r.height / 2;
  var hit = govappDeepHit(x, y);
  if (!hit || !govappContains(el, hit)) throw new Error('element click intercepted: ' + arguments[0] + ' is covered by ' + (hit ? hit.tagName.toLowerCase() + (hit.className ? '.' + String(hit.className).split(' ')[0] : '') : 'nothing'));
  var common = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window };
  var pointer = Object.assign({ pointerId: 1, pointerType: 'touch', isPrimary: true }, common);
  hit.dispatchEvent(new PointerEvent('pointerdown', pointer));
  var touch = typeof Touch === 'function' ? new Touch({ identifier: 1, target: hit, clientX: x, clientY: y }) : null;
  var proceed = true;
  if (touch) proceed = hit.dispatchEvent(new TouchEvent('touchstart', Object.assign({ touches: [touch], targetTouches: [touch], changedTouches: [touch] }, common)));
  hit.dispatchEvent(new PointerEvent('pointerup', pointer));
  if (touch) proceed = hit.dispatchEvent(new TouchEvent('touchend', Object.assign({ touches: [], targetTouches: [], changedTouches: [touch] }, common))) && proceed;
  if (proceed) {
    hit.dispatchEvent(new MouseEvent('mousedown', common));
    if (typeof hit.focus === 'function') hit.focus();
    hit.dispatchEvent(new MouseEvent('mouseup', common));
    hit.dispatchEvent(new MouseEvent('click', common));
  }`;
