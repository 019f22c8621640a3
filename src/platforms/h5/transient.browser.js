/*
 * Transient overlays (plain ES5, part of the settle and snapshot scripts): a toast (登录成功 for a
 * second), a loading mask (加载中…, 获取定位中…), a splash. Settling waits them out (bounded);
 * the snapshot marks what is left `transient` so that screen identity does not hinge on them.
 * Only fixed (or absolute, full-screen) boxes without controls qualify; a dialog does not, unless it
 * is named a toast or a loading mask (Vant's toast is a role="dialog" popup).
 */
var GOVAPP_TRANSIENT_NAME = /(^|[\s_-])(toast|loading|loader|spinner|splash|snackbar)/i;
var GOVAPP_TRANSIENT_TEXT = /^(.{0,4}(加载|定位|请稍|正在|载入|loading).{0,12}|)$/i;

/** True when the element's class or id names a toast, a loading mask or a splash. */
function govappNamedTransient(el) {
  var name = typeof el.className === 'string' ? el.className + ' ' + el.id : el.id;
  return GOVAPP_TRANSIENT_NAME.test(name);
}

function govappTransient(el, style, rect, vw, vh) {
  var fixed = style.position === 'fixed';
  var full = rect.width >= vw * 0.9 && rect.height >= vh * 0.9;
  if (!fixed && !(style.position === 'absolute' && full)) return false;
  if (el === document.body || el === document.documentElement) return false;
  if (el.querySelector('a[href],button,input,select,textarea,[role=button],[role=dialog]')) return false;
  var text = (el.innerText || '').replace(/\s+/g, ' ').trim();
  if (text.length > 40) return false;
  // Named a toast or a loading mask: transient even when it says it is a dialog. Vant's toast is a
  // popup with role="dialog" (提交成功 for two seconds); nothing in it can be tapped (checked above).
  if (govappNamedTransient(el)) return true;
  var role = el.getAttribute('role');
  if (role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true' || el.tagName === 'DIALOG') return false;
  if (full) return GOVAPP_TRANSIENT_TEXT.test(text);
  // A toast: a small box with short text, centred horizontally, in the middle band of the screen.
  var cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
  return text.length > 0 && rect.width <= vw * 0.85 && rect.height <= vh * 0.3 &&
    Math.abs(cx - vw / 2) <= vw * 0.1 && cy >= vh * 0.2 && cy <= vh * 0.8;
}

/** True when a transient overlay shows at the centre of the viewport (where toasts and masks sit). */
function govappTransientShown() {
  var vw = window.innerWidth, vh = window.innerHeight;
  var stack = document.elementsFromPoint ? document.elementsFromPoint(vw / 2, vh / 2) : [];
  for (var i = 0; i < stack.length && i < 8; i++) {
    var el = stack[i], style = getComputedStyle(el);
    if (style.position !== 'fixed' && style.position !== 'absolute') continue;
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    if (govappTransient(el, style, el.getBoundingClientRect(), vw, vh)) return true;
  }
  return false;
}

/**
 * True while a short CSS animation or transition runs (a view entering or leaving: Vue's
 * <transition>, a page slide), or a Vue transition is active. Endless ones (spinners) and long
 * ones (a scrolling notice bar, a carousel's slow pan) are not waited for: settling could not
 * outlast them.
 */
function govappAnimating() {
  if (document.querySelector('[class*="-leave-active"],[class*="-enter-active"]')) return true;
  if (!document.getAnimations) return false;
  var running = document.getAnimations();
  for (var i = 0; i < running.length; i++) {
    var a = running[i];
    if (a.playState !== 'running' || !a.effect) continue;
    var end = a.effect.getComputedTiming().endTime;
    if (end > 0 && end <= 1000) return true;
  }
  return false;
}
