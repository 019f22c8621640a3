/*
 * Tap-listener recorder, installed before any page script (Page.addScriptToEvaluateOnNewDocument).
 * Wraps EventTarget.prototype.addEventListener/removeEventListener and keeps, per target (in a
 * WeakMap: nothing is written on the page's nodes), the listeners registered for tap-like events.
 * The snapshot reads them through window.__govappTaps. `early` says whether the recorder ran before
 * the document had any script, i.e. whether it saw every registration.
 * Plain ES5, not strict: a bare addEventListener(...) call has the window as `this`.
 */
(function govappTapListeners() {
  if (window.__govappTaps) return;
  var TAP_TYPES = { click: 1, dblclick: 1, touchstart: 1, touchend: 1, pointerdown: 1, pointerup: 1, mousedown: 1, mouseup: 1, tap: 1, longpress: 1, longtap: 1 };
  var byTarget = new WeakMap();
  var proto = EventTarget.prototype;
  var add = proto.addEventListener, remove = proto.removeEventListener;
  function captureOf(options) { return typeof options === 'boolean' ? options : !!(options && options.capture); }
  function indexOf(list, type, listener, capture) {
    for (var i = 0; i < list.length; i++) if (list[i].type === type && list[i].listener === listener && list[i].capture === capture) return i;
    return -1;
  }
  function addEventListener(type, listener, options) {
    try {
      if (listener && TAP_TYPES[type] === 1 && this) {
        var list = byTarget.get(this);
        if (!list) byTarget.set(this, (list = []));
        var capture = captureOf(options);
        if (indexOf(list, type, listener, capture) < 0) list.push({ type: type, listener: listener, capture: capture });
      }
    } catch (e) { /* never break the page's registration */ }
    return add.apply(this, arguments);
  }
  function removeEventListener(type, listener, options) {
    try {
      var list = TAP_TYPES[type] === 1 && this ? byTarget.get(this) : undefined;
      var i = list ? indexOf(list, type, listener, captureOf(options)) : -1;
      if (i >= 0) list.splice(i, 1);
    } catch (e) { /* as above */ }
    return remove.apply(this, arguments);
  }
  // Pages that print or compare these functions see the originals' source.
  addEventListener.toString = function () { return add.toString(); };
  removeEventListener.toString = function () { return remove.toString(); };
  proto.addEventListener = addEventListener;
  proto.removeEventListener = removeEventListener;
  var early = document.readyState === 'loading' && document.getElementsByTagName('script').length === 0;
  Object.defineProperty(window, '__govappTaps', {
    value: {
      early: early,
      /** The tap-like listeners registered on a target, or null. */
      of: function (target) { var list = byTarget.get(target); return list && list.length ? list : null; }
    }
  });
})();
