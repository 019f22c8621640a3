/*
 * Probe instrumentation, installed before any page script with Page.addScriptToEvaluateOnNewDocument.
 * Records calls of permission-gated APIs (and whether a real user action preceded them) and answers
 * them as granted or denied, so the outcome does not depend on the host having a camera or a GPS;
 * records long tasks (main-thread blocks >= 50 ms) from the very start of the page.
 * Plain ES5 sent as a string: no compiler helper leaks into the page.
 */
function govappInstrument(mode) {
  // Installed again for each mode; if an earlier script was not removed, the last one decides the mode.
  if (window.__govappProbe) { window.__govappProbe.mode = mode; return; }
  var probe = (window.__govappProbe = { mode: mode, calls: [], longTasks: [], userActed: false });
  function granted() { return probe.mode === 'granted'; }
  ['pointerdown', 'mousedown', 'touchstart', 'keydown', 'click'].forEach(function (type) {
    // WebDriver taps are trusted input; an app calling el.click() itself is not a user action.
    window.addEventListener(type, function (e) { if (e.isTrusted) probe.userActed = true; }, true);
  });
  function record(capability, api) {
    probe.calls.push({ capability: capability, api: api, atMs: Math.round(performance.now()), afterUserAction: probe.userActed, url: location.href });
  }
  function deniedError() { return new DOMException('Permission denied', 'NotAllowedError'); }
  function later(fn) { setTimeout(fn, 20); }

  var geo = navigator.geolocation;
  if (geo) {
    var position = function () {
      return { coords: { latitude: 39.9042, longitude: 116.4074, accuracy: 20, altitude: null, altitudeAccuracy: null, heading: null, speed: null }, timestamp: Date.now() };
    };
    var answer = function (ok, fail) {
      later(function () {
        if (granted()) ok(position());
        else if (fail) fail({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
      });
    };
    geo.getCurrentPosition = function (ok, fail) { record('geolocation', 'getCurrentPosition'); answer(ok, fail); };
    geo.watchPosition = function (ok, fail) { record('geolocation', 'watchPosition'); answer(ok, fail); return 1; };
    geo.clearWatch = function () {};
  }

  var media = navigator.mediaDevices;
  if (media) {
    media.getUserMedia = function (constraints) {
      var c = constraints || {};
      if (c.video) record('camera', 'getUserMedia');
      if (c.audio) record('microphone', 'getUserMedia');
      if (!granted()) return Promise.reject(deniedError());
      var canvas = document.createElement('canvas');
      canvas.width = 4; canvas.height = 4;
      canvas.getContext('2d').fillRect(0, 0, 4, 4);
      return Promise.resolve(canvas.captureStream(1));
    };
  }

  if (window.Notification) {
    window.Notification.requestPermission = function () {
      record('notifications', 'Notification.requestPermission');
      return Promise.resolve(granted() ? 'granted' : 'denied');
    };
  }

  if (navigator.clipboard) {
    navigator.clipboard.readText = function () {
      record('clipboard', 'clipboard.readText');
      return granted() ? Promise.resolve('') : Promise.reject(deniedError());
    };
    navigator.clipboard.read = function () {
      record('clipboard', 'clipboard.read');
      return granted() ? Promise.resolve([]) : Promise.reject(deniedError());
    };
  }
  // The legacy way to read the clipboard; other commands (copy, bold…) pass through untouched.
  var execCommand = document.execCommand;
  document.execCommand = function (command) {
    if (String(command).toLowerCase() !== 'paste') return execCommand.apply(document, arguments);
    record('clipboard', "execCommand('paste')");
    return false;
  };

  if (navigator.permissions) {
    // Apps often check the state before asking: answer consistently with the mode.
    navigator.permissions.query = function () {
      return Promise.resolve({ state: granted() ? 'granted' : 'denied', onchange: null, addEventListener: function () {} });
    };
  }

  // Main-thread blocks seen as late timer ticks: the Long Tasks API misses a task that began before
  // its observer was registered (a blocking script parsed in the same task as this one).
  probe.gaps = [];
  var lastTick = performance.now();
  (function tick() {
    var now = performance.now();
    if (now - lastTick - 50 >= 50) probe.gaps.push({ startMs: Math.round(lastTick + 50), durationMs: Math.round(now - lastTick - 50) });
    lastTick = now;
    if (now < 30000) setTimeout(tick, 50);
  })();

  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { probe.longTasks.push({ startMs: Math.round(e.startTime), durationMs: Math.round(e.duration) }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no Long Tasks API: the figures stay absent, never zero */ probe.longTasks = null; }
}
