/*
 * Moves the page's clock (Date, Date.now) forward by an offset, installed before any page script.
 * Installed again for each offset; the real Date is kept once, so offsets never stack.
 */
function govappClock(offset) {
  window.__govappClockOffset = offset;
  if (window.__govappRealDate) return;
  var Real = (window.__govappRealDate = Date);
  function now() { return Real.now() + (window.__govappClockOffset || 0); }
  function FakeDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!(this instanceof FakeDate)) return new Real(now()).toString();
    if (args.length === 0) return new Real(now());
    return new (Function.prototype.bind.apply(Real, [null].concat(args)))();
  }
  FakeDate.now = now;
  FakeDate.parse = Real.parse;
  FakeDate.UTC = Real.UTC;
  FakeDate.prototype = Real.prototype;
  window.Date = FakeDate;
}
