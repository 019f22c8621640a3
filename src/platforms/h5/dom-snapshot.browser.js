/*
 * Runs inside the page (plain JavaScript, sent as a string so no compiler helper leaks in; the
 * functions of tap-reading.browser.js and transient.browser.js are in scope). Returns the
 * platform-neutral UI model of the current document: visible elements with their own text,
 * bounds, whether and why they respond to a tap (tapSource) or only a delegating ancestor may
 * handle them (delegated), whether a modal covers them, transient overlays, and a locator to act
 * on them again. Open shadow roots are walked like any subtree (custom elements are ordinary nodes).
 */
(function collectDomSnapshot() {
  var MAX_NODES = 3000;
  var nodes = [];
  var vw = window.innerWidth, vh = window.innerHeight;
  var taps = govappTapReading(vw, vh);

  function norm(s) { return (s || '').replace(/\s+/g, ' ').trim(); }
  function ownText(el) {
    var t = '';
    for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) t += c.nodeValue;
    return norm(t);
  }
  function visible(style, rect) {
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    return rect.width > 0 && rect.height > 0;
  }
  /** A CSS path from the nearest id (or the top of the document or shadow root); `host >>> inner` inside shadow roots. */
  function locator(el) {
    var parts = [];
    var e = el;
    for (; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      var root = e.getRootNode();
      if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) { parts.unshift('#' + e.id); break; }
      var tag = e.tagName.toLowerCase();
      var index = 1;
      for (var s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === e.tagName) index++;
      parts.unshift(tag + ':nth-of-type(' + index + ')');
      if (!e.parentElement && root !== document) break;
    }
    var host = el.getRootNode().host;
    return host ? locator(host) + ' >>> ' + parts.join(' > ') : parts.join(' > ');
  }
  /** The element drawn over the centre of `el`, or null when none is. */
  function coverer(el, rect) {
    var cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
    if (cx < 0 || cy < 0 || cx >= vw || cy >= vh) return null;
    var top = govappDeepHit(cx, cy);
    return top && !govappContains(el, top) && !govappContains(top, el) ? top : null;
  }

  var queue = [document.body];
  var parents = new Map();
  parents.set(document.body, { id: null, style: null, context: taps.rootContext() });
  var transientRoots = [];
  var namedTransientRoots = {};
  var transientRootElements = {};
  var coverers = {};
  for (var q = 0; q < queue.length && nodes.length < MAX_NODES; q++) {
    var el = queue[q];
    var style = getComputedStyle(el);
    var rect = el.getBoundingClientRect();
    var parent = parents.get(el);
    var context = parent.context;
    var isVisible = el === document.body || visible(style, rect);
    if (!isVisible && style.display === 'none') continue;
    var id = nodes.length;
    var tag = el.tagName.toLowerCase();
    var editable = (tag === 'input' && !/^(button|submit|reset|checkbox|radio|image|hidden|file)$/.test(el.type)) || tag === 'textarea' || el.isContentEditable;
    var reading = taps.read(el, style, parent.style, rect, context);
    var clickable = isVisible && reading.source !== null;
    var node = {
      id: id,
      parent: parent.id,
      role: tag,
      text: ownText(el),
      fullText: norm(el.innerText).slice(0, 200),
      bounds: { x: Math.round(rect.left + window.scrollX), y: Math.round(rect.top + window.scrollY), width: Math.round(rect.width), height: Math.round(rect.height) },
      clickable: clickable,
      editable: !!editable,
      scrollable: (style.overflowY === 'auto' || style.overflowY === 'scroll') && el.scrollHeight > el.clientHeight,
      platform: 'h5',
      locator: locator(el)
    };
    if (clickable) node.tapSource = reading.source;
    else if (isVisible && context.delegated) node.delegated = true;
    if (!isVisible) { node.text = ''; node.fullText = ''; }
    var over = clickable || node.delegated ? coverer(el, rect) : null;
    if (over) { node.obscured = true; coverers[id] = over; }
    var transientRoot = context.transient;
    if (transientRoot === null && isVisible && govappTransient(el, style, rect, vw, vh)) {
      transientRoot = id;
      transientRoots.push(id);
      transientRootElements[id] = el;
      if (govappNamedTransient(el)) namedTransientRoots[id] = true;
    }
    if (transientRoot !== null) node.transient = transientRoot;
    var label = el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.getAttribute('title') || el.getAttribute('alt');
    if (tag === 'input' || tag === 'textarea' || tag === 'select') {
      node.inputType = tag === 'input' ? el.type : tag;
      if (el.required) node.required = true;
      if (el.type === 'checkbox' || el.type === 'radio') node.checked = el.checked;
      if (!label && el.labels && el.labels[0]) label = el.labels[0].innerText;
      if (tag === 'select') node.fullText = norm(Array.prototype.map.call(el.options, function (o) { return o.text; }).join(' / ')).slice(0, 200);
    }
    if (label) node.label = norm(label);
    if (el.getAttribute('role')) node.role = el.getAttribute('role') === 'button' && tag !== 'button' ? tag + '[role=button]' : node.role;
    nodes.push(node);
    var childContext = context;
    if (reading.delegates || reading.selectors || transientRoot !== context.transient) {
      childContext = {
        delegated: context.delegated || reading.delegates,
        selectors: reading.selectors ? context.selectors.concat(reading.selectors) : context.selectors,
        transient: transientRoot
      };
    }
    var entry = { id: id, style: style, context: childContext };
    var first = el.shadowRoot ? el.shadowRoot.firstElementChild : null;
    for (var pass = 0; pass < 2; pass++) {
      for (var c = pass === 0 ? first : el.firstElementChild; c; c = c.nextElementSibling) {
        if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|META|LINK)$/.test(c.tagName)) continue;
        parents.set(c, entry);
        queue.push(c);
      }
    }
  }
  // An overlay holding something to tap is not transient (a dialog built of <div>s); the others
  // mark their whole subtree. A toast named so that listens on its own box only is still a toast.
  if (transientRoots.length) {
    var kept = {};
    for (var t = 0; t < transientRoots.length; t++) kept[transientRoots[t]] = true;
    for (var n = 0; n < nodes.length; n++) {
      var tn = nodes[n];
      if (tn.transient === undefined || !tn.clickable) continue;
      // A toast that closes when tapped (Vant's listens on its own box) stays transient: only its root listens.
      if (tn.id === tn.transient && namedTransientRoots[tn.id]) continue;
      kept[tn.transient] = false;
    }
    for (var m = 0; m < nodes.length; m++) {
      if (nodes[m].transient === undefined) continue;
      if (kept[nodes[m].transient]) nodes[m].transient = true;
      else delete nodes[m].transient;
    }
    // A control under an overlay that stays transient (验证码错误 over 登录) is not covered for good: the
    // screen under a toast is the screen without it. Under an overlay that holds controls, it stays covered.
    for (var k = 0; k < nodes.length; k++) {
      var coveredBy = coverers[k];
      if (!coveredBy) continue;
      for (var root in kept) {
        if (kept[root] && govappContains(transientRootElements[root], coveredBy)) { delete nodes[k].obscured; break; }
      }
    }
  }
  // A visible modal dialog names the screen (not a transient one); otherwise the page heading does.
  var title = '';
  var dialogs = document.querySelectorAll('[role=dialog],[role=alertdialog],[aria-modal=true],dialog[open]');
  for (var i = 0; i < dialogs.length && !title; i++) {
    var d = dialogs[i], r = d.getBoundingClientRect();
    var ds = getComputedStyle(d);
    if (r.width === 0 || r.height === 0 || ds.visibility === 'hidden') continue;
    // A toast that calls itself a dialog (Vant's) names nothing: it is gone in a moment.
    if (govappTransient(d, ds, r, vw, vh)) continue;
    var heading = d.querySelector('h1,h2,h3,[role=heading]');
    title = norm(d.getAttribute('aria-label') || (heading ? heading.innerText : '') || '对话框');
  }
  if (!title) { var h1 = document.querySelector('h1'); title = norm(h1 ? h1.innerText : document.title); }
  var scroller = document.scrollingElement || document.documentElement;
  return {
    url: location.href,
    canScroll: scroller.scrollHeight - (window.scrollY + vh) > 40,
    dialogs: window.__govappDialogs ? window.__govappDialogs.splice(0) : [],
    listenersObserved: taps.observed,
    title: title,
    visibleText: norm(document.body.innerText).slice(0, 20000),
    viewport: { width: vw, height: vh, devicePixelRatio: window.devicePixelRatio },
    nodes: nodes
  };
})
