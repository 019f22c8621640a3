/*
 * Finds the element a snapshot locator names (plain ES5, part of the tap/type/select scripts).
 * A locator is a CSS selector from the document; a node inside an open shadow root is named
 * `host-locator >>> inner-path`, where the inner path starts at the shadow root (`#id` or
 * `tag:nth-of-type(n)`, then child steps joined by ' > ') and is resolved step by step, since a
 * selector in a shadow root cannot be anchored at the root.
 */
function govappFind(locator) {
  var segments = String(locator).split(' >>> ');
  var el = document.querySelector(segments[0]);
  for (var i = 1; i < segments.length && el; i++) {
    var root = el.shadowRoot;
    if (!root) return null;
    var steps = segments[i].split(' > ');
    var scope = root;
    el = null;
    for (var j = 0; j < steps.length; j++) {
      var step = steps[j];
      var next = null;
      if (j === 0 && step.charAt(0) === '#') next = root.getElementById(step.slice(1));
      else for (var c = scope.firstElementChild; c && !next; c = c.nextElementSibling) if (c.matches(step)) next = c;
      if (!next) return null;
      scope = el = next;
    }
  }
  return el;
}

/** The element on top at (x, y), looking into open shadow roots. */
function govappDeepHit(x, y) {
  var hit = document.elementFromPoint(x, y);
  while (hit && hit.shadowRoot) {
    var inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** True when `inner` is `outer` or inside it, across shadow boundaries. */
function govappContains(outer, inner) {
  for (var n = inner; n; n = n.parentNode || n.host) if (n === outer) return true;
  return false;
}
