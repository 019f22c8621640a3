/*
 * How a node responds to a tap, read from what the page listens to (plain ES5, part of the
 * snapshot script). Sources, strongest first:
 * - native: links, buttons, form controls, a label of a checkbox;
 * - framework: Vue 3 invokers (el._vei), Vue 2 component listeners (el.__vue__.$listeners),
 *   React props on DOM nodes (__reactProps$…), jQuery handlers (own, or delegated with a selector
 *   this node matches);
 * - listener: listeners the recorder saw (tap-listeners.browser.js), on* properties/attributes;
 * - role, cursor: supporting signals, as before.
 * A listener no framework explains on a delegation root (document, body, a container covering
 * most of the page, a list of like rows) makes the root's descendants `delegated`.
 */
function govappTapReading(vw, vh) {
  var taps = window.__govappTaps || null;
  var jq = window.jQuery && typeof window.jQuery._data === 'function' ? window.jQuery : null;
  var ON_PROPS = ['onclick', 'ontouchstart', 'ontouchend', 'onmousedown', 'onmouseup', 'onpointerdown', 'onpointerup'];
  var VUE_EVENT = /^on(click|dblclick|touchstart|touchend|pointerdown|pointerup|mousedown|mouseup|tap|longpress|longtap)/i;
  var REACT_EVENT = /^on(Click|DoubleClick|TouchStart|TouchEnd|PointerDown|PointerUp|MouseDown|MouseUp)(Capture)?$/;
  var TAP_TYPE = /^(click|dblclick|touchstart|touchend|pointerdown|pointerup|mousedown|mouseup|tap|longpress|longtap)$/;

  /** true: a native control; false: a disabled one (nothing else counts); null: not a control. */
  function native(el) {
    var tag = el.tagName;
    if (tag === 'A' && el.hasAttribute('href')) return true;
    if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'SUMMARY') return !el.disabled;
    if (tag === 'INPUT' && /^(button|submit|reset|checkbox|radio|image)$/.test(el.type)) return !el.disabled;
    if (tag === 'LABEL' && !!el.control && /^(checkbox|radio)$/.test(el.control.type)) return true;
    return null;
  }
  function anyKey(object, re) {
    if (!object || typeof object !== 'object') return false;
    for (var k in object) if (re.test(k) && object[k]) return true;
    return false;
  }
  function reactHandler(props) {
    if (!props || typeof props !== 'object') return false;
    for (var k in props) if (REACT_EVENT.test(k) && typeof props[k] === 'function') return true;
    return false;
  }
  /**
   * jQuery's private data of a target: through window.jQuery._data, else (jQuery bundled as a
   * module, no global) under the expando key jQuery keeps on the node itself (jQuery3…: {events, handle}).
   */
  function jqueryData(target) {
    if (jq) {
      try { return jq._data(target); } catch (e) { return null; }
    }
    var keys = Object.keys(target);
    for (var i = 0; i < keys.length; i++) {
      if (!/^jQuery\d+$/.test(keys[i])) continue;
      var data = target[keys[i]];
      if (data && typeof data === 'object' && data.events) return data;
    }
    return null;
  }
  /** jQuery's handlers of a target: own ones, the selectors it delegates, and its dispatcher. */
  function jqueryEvents(target) {
    var data = jqueryData(target);
    var events = data && data.events;
    if (!events) return null;
    var result = { own: false, selectors: [], handle: data.handle || null };
    for (var type in events) {
      if (!TAP_TYPE.test(type)) continue;
      var list = events[type] || [];
      for (var i = 0; i < list.length; i++) {
        if (list[i].selector) result.selectors.push(list[i].selector);
        else result.own = true;
      }
    }
    return result;
  }
  /** Recorded tap listeners of a target that no framework reading explains. */
  function unexplained(target, handle, skipCapture) {
    var list = taps ? taps.of(target) : null;
    if (!list) return 0;
    var n = 0;
    for (var i = 0; i < list.length; i++) if (list[i].listener !== handle && !(skipCapture && list[i].capture)) n++;
    return n;
  }
  function onHandler(el) {
    for (var i = 0; i < ON_PROPS.length; i++) {
      if (typeof el[ON_PROPS[i]] === 'function') return true;
    }
    return el.hasAttribute('onclick') || el.hasAttribute('ontouchstart') || el.hasAttribute('ontouchend');
  }
  function likeRows(el) {
    var first = el.firstElementChild, last = el.lastElementChild;
    return el.childElementCount >= 3 && first.tagName === last.tagName && first.className === last.className;
  }

  return {
    observed: !!(taps && taps.early),
    /** The context the whole page starts with: listeners on window and document. */
    rootContext: function () {
      var selectors = [], handle = null;
      var events = jqueryEvents(document);
      if (events) { selectors = events.selectors; handle = events.handle; }
      // React 16 listens on document and dispatches from its own props (read per node); it marks its root.
      var react16 = !!document.querySelector('[data-reactroot]');
      // Capture listeners on window are trackers and our own probes, not routers.
      var delegated = (!react16 && unexplained(document, handle, false) > 0) || unexplained(document.documentElement, null, false) > 0 || unexplained(window, null, true) > 0;
      return { delegated: delegated, selectors: selectors, transient: null };
    },
    /**
     * Reads one element: { source: TapSource | null, delegates: bool, selectors: [] }. `rect` and
     * `style` are the element's own; `context` is what its ancestors say.
     */
    read: function (el, style, parentStyle, rect, context) {
      var result = { source: null, delegates: false, selectors: null };
      var isNative = native(el);
      if (isNative !== null) { result.source = isNative ? 'native' : null; return result; }
      var framework = false, reactRoot = false, handle = null;
      var keys = Object.keys(el);
      for (var i = 0; i < keys.length; i++) {
        var k = keys[i];
        if (k === '_vei') framework = framework || anyKey(el._vei, VUE_EVENT);
        else if (k.indexOf('__reactProps$') === 0 || k.indexOf('__reactEventHandlers$') === 0) framework = framework || reactHandler(el[k]);
        else if (k.indexOf('__reactContainer$') === 0 || k === '_reactRootContainer') reactRoot = true;
        else if (k === '__vue__') { var vm = el.__vue__; framework = framework || !!(vm && vm.$el === el && anyKey(vm.$listeners, /^(click|tap|touchstart|touchend)$/)); }
        else if (k.indexOf('jQuery') === 0) {
          var events = jqueryEvents(el);
          if (events) { framework = framework || events.own; handle = events.handle; if (events.selectors.length) result.selectors = events.selectors; }
        }
      }
      if (!framework && context.selectors.length) {
        for (var s = 0; s < context.selectors.length && !framework; s++) {
          try { framework = el.matches(context.selectors[s]); } catch (e) { /* a jQuery-only selector */ }
        }
      }
      var own = !reactRoot && (unexplained(el, handle, false) > 0 || onHandler(el));
      // A container covering most of the page dispatches by target; a big banner (one child) is a control.
      var root = el === document.body || (rect.width >= vw * 0.9 && rect.height >= vh * 0.5 && el.childElementCount >= 2);
      if (own && (root || likeRows(el))) result.delegates = true;
      if (framework) result.source = 'framework';
      else if (own && !root) result.source = 'listener';
      else {
        var role = el.getAttribute('role');
        if (role && /^(button|link|tab|menuitem|option|checkbox|radio|switch)$/.test(role)) result.source = 'role';
        else if (style.cursor === 'pointer' && (!parentStyle || parentStyle.cursor !== 'pointer')) result.source = 'cursor';
      }
      return result;
    }
  };
}
