/*
 * Runs inside the page (plain JavaScript, sent as a string so no compiler helper leaks in).
 * Returns the platform-neutral UI model of the current document: visible elements with their
 * own text, bounds, clickability (not only <a>/<button>: role=button, onclick, cursor:pointer
 * roots, form controls), whether a modal covers them, and a CSS locator to act on them again.
 */
(function collectDomSnapshot() {
  var MAX_NODES = 3000;
  var nodes = [];
  var ids = new Map();
  var vw = window.innerWidth, vh = window.innerHeight;

  function norm(s) { return (s || '').replace(/\s+/g, ' ').trim(); }
  function ownText(el) {
    var t = '';
    for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) t += c.nodeValue;
    return norm(t);
  }
  function visible(el, style, rect) {
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    return rect.width > 0 && rect.height > 0;
  }
  function locator(el) {
    var parts = [];
    for (var e = el; e && e.nodeType === 1 && e !== document.documentElement; e = e.parentElement) {
      if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) { parts.unshift('#' + e.id); break; }
      var tag = e.tagName.toLowerCase();
      var index = 1;
      for (var s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === e.tagName) index++;
      parts.unshift(tag + ':nth-of-type(' + index + ')');
    }
    return parts.join(' > ');
  }
  function isClickable(el, style, parentStyle) {
    var tag = el.tagName;
    if (tag === 'A' && el.hasAttribute('href')) return true;
    if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'SUMMARY') return !el.disabled;
    if (tag === 'INPUT' && /^(button|submit|reset|checkbox|radio|image)$/.test(el.type)) return !el.disabled;
    if (tag === 'LABEL' && el.control && /^(checkbox|radio)$/.test(el.control.type)) return true;
    var role = el.getAttribute('role');
    if (role && /^(button|link|tab|menuitem|option|checkbox|radio|switch)$/.test(role)) return true;
    if (typeof el.onclick === 'function' || el.hasAttribute('onclick')) return true;
    return style.cursor === 'pointer' && (!parentStyle || parentStyle.cursor !== 'pointer');
  }
  function obscured(el, rect) {
    var cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
    if (cx < 0 || cy < 0 || cx >= vw || cy >= vh) return false;
    var top = document.elementFromPoint(cx, cy);
    return !!top && top !== el && !el.contains(top) && !top.contains(el);
  }

  var walker = [document.body];
  var parents = new Map();
  parents.set(document.body, null);
  while (walker.length && nodes.length < MAX_NODES) {
    var el = walker.shift();
    var style = getComputedStyle(el);
    var rect = el.getBoundingClientRect();
    var parent = parents.get(el);
    var parentStyle = parent ? parent.style : null;
    var isVisible = el === document.body || visible(el, style, rect);
    if (!isVisible && style.display === 'none') continue;
    var id = nodes.length;
    var tag = el.tagName.toLowerCase();
    var editable = (tag === 'input' && !/^(button|submit|reset|checkbox|radio|image|hidden|file)$/.test(el.type)) || tag === 'textarea' || el.isContentEditable;
    var clickable = isVisible && isClickable(el, style, parentStyle);
    var node = {
      id: id,
      parent: parent ? parent.id : null,
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
    if (!isVisible) { node.text = ''; node.fullText = ''; }
    if (clickable && obscured(el, rect)) node.obscured = true;
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
    ids.set(el, id);
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|META|LINK)$/.test(c.tagName)) continue;
      parents.set(c, { id: id, style: style });
      walker.push(c);
    }
  }
  // A visible modal dialog names the screen; otherwise the page heading does.
  var title = '';
  var dialogs = document.querySelectorAll('[role=dialog],[role=alertdialog],[aria-modal=true],dialog[open]');
  for (var i = 0; i < dialogs.length && !title; i++) {
    var d = dialogs[i], r = d.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(d).visibility === 'hidden') continue;
    var heading = d.querySelector('h1,h2,h3,[role=heading]');
    title = norm(d.getAttribute('aria-label') || (heading ? heading.innerText : '') || '对话框');
  }
  if (!title) { var h1 = document.querySelector('h1'); title = norm(h1 ? h1.innerText : document.title); }
  var scroller = document.scrollingElement || document.documentElement;
  return {
    url: location.href,
    canScroll: scroller.scrollHeight - (window.scrollY + vh) > 40,
    dialogs: window.__govappDialogs ? window.__govappDialogs.splice(0) : [],
    title: title,
    visibleText: norm(document.body.innerText).slice(0, 20000),
    viewport: { width: vw, height: vh, devicePixelRatio: window.devicePixelRatio },
    nodes: nodes
  };
})
