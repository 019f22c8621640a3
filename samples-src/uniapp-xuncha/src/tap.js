// The "tap" event of uni-app's H5 runtime: synthesised from touchstart/touchend (a touch that moves
// less than 10 px and lasts under 350 ms), dispatched on the touched element and bubbling. There is
// no click listener anywhere in this app: a mouse click does nothing.
let start = null;

document.addEventListener('touchstart', (e) => {
  const t = e.touches[0];
  start = t ? { target: e.target, x: t.clientX, y: t.clientY, at: e.timeStamp } : null;
}, { passive: true });

document.addEventListener('touchend', (e) => {
  const t = e.changedTouches[0];
  if (!start || !t) return;
  const moved = Math.hypot(t.clientX - start.x, t.clientY - start.y);
  const { target, at } = start;
  start = null;
  if (moved < 10 && e.timeStamp - at < 350) target.dispatchEvent(new CustomEvent('tap', { bubbles: true, detail: { x: t.clientX, y: t.clientY } }));
});

/** Binds a tap handler to an element, as the compiled `@tap` of a uni-app page does. */
export function onTap(el, handler) {
  el.addEventListener('tap', handler);
  return el;
}
