// Building blocks of realistic Android screens for the scripted sample apps (src/sim/engine/app-model.ts):
// a Material toolbar, RecyclerView rows, bottom navigation, buttons, text fields. Bounds are computed here so the
// sample sources read like layouts. Screen: 1080 x 2400 px (420 dpi), status bar 0–96.
export const W = 1080;
export const H = 2400;
export const STATUS = 96;
export const TOOLBAR = 168;
export const NAV = 168;

/** A node; `kids` become children. */
export function node(cls, bounds, props = {}, kids = []) {
  const n = { class: cls, bounds, ...props };
  if (kids.length) n.children = kids;
  return n;
}

const id = (pkg, name) => (name ? { id: `${pkg}:id/${name}` } : {});

/** The activity's decor: FrameLayout > LinearLayout (content) holding the given parts. */
export function screen(pkg, parts, background = '#f5f5f5') {
  return node('android.widget.FrameLayout', [0, 0, W, H], { background }, [
    node('android.widget.LinearLayout', [0, STATUS, W, H], id(pkg, 'content'), parts),
  ]);
}

/** A Material toolbar with a title and, when `back` is set, the navigate-up button (content-desc 转到上一层级). */
export function toolbar(pkg, title, { back = false, color = '#c62828' } = {}) {
  const kids = [];
  if (back) kids.push(node('android.widget.ImageButton', [0, STATUS, 168, STATUS + TOOLBAR], { desc: '转到上一层级', clickable: true, onTap: { back: true } }));
  kids.push(node('android.widget.TextView', [back ? 180 : 48, STATUS + 40, W - 48, STATUS + TOOLBAR - 40], { ...id(pkg, 'toolbar_title'), text: title, textSize: 56, color: '#ffffff' }));
  return node('androidx.appcompat.widget.Toolbar', [0, STATUS, W, STATUS + TOOLBAR], { ...id(pkg, 'toolbar'), background: color }, kids);
}

/** A text line. */
export function text(pkg, name, value, top, height = 96, props = {}) {
  return node('android.widget.TextView', [48, top, W - 48, top + height], { ...id(pkg, name), text: value, textSize: props.textSize ?? 44, ...props });
}

/** A full-width button. */
export function button(pkg, name, label, top, onTap, props = {}) {
  return node('android.widget.Button', [48, top, W - 48, top + 144], { ...id(pkg, name), text: label, clickable: true, background: props.background ?? '#c62828', color: '#ffffff', textSize: 48, onTap, ...props });
}

/** A text field (EditText) with a hint. */
export function field(pkg, name, hint, top, { height = 144, ...props } = {}) {
  return node('android.widget.EditText', [48, top, W - 48, top + height], { ...id(pkg, name), hint, text: '', editable: true, textSize: 44, background: '#ffffff', ...props });
}

/**
 * A RecyclerView of rows (title + optional subtitle), scrollable when the rows overflow `bottom`.
 * Each row: `{ title, subtitle?, name?, onTap?, desc? }`.
 */
export function list(pkg, name, rows, top, bottom, rowHeight = 180) {
  const kids = rows.map((row, i) => {
    const y = top + i * rowHeight;
    const parts = [node('android.widget.TextView', [72, y + 24, W - 72, y + (row.subtitle ? 100 : rowHeight - 24)], { ...id(pkg, 'item_title'), text: row.title, textSize: 48, color: '#212121' })];
    if (row.subtitle) parts.push(node('android.widget.TextView', [72, y + 104, W - 72, y + rowHeight - 20], { ...id(pkg, 'item_subtitle'), text: row.subtitle, textSize: 36, color: '#757575' }));
    return node('android.widget.LinearLayout', [0, y, W, y + rowHeight - 2], { ...id(pkg, row.name ?? 'item_root'), clickable: Boolean(row.onTap), background: '#ffffff', ...(row.desc ? { desc: row.desc } : {}), ...(row.onTap ? { onTap: row.onTap } : {}) }, parts);
  });
  const overflow = top + rows.length * rowHeight > bottom;
  return node('androidx.recyclerview.widget.RecyclerView', [0, top, W, bottom], { ...id(pkg, name), scrollable: overflow }, kids);
}

/** A bottom navigation bar; `items`: `{ label, onTap? }`, `selected`: index. */
export function bottomNav(pkg, items, selected) {
  const w = Math.floor(W / items.length);
  const kids = items.map((item, i) => node('android.widget.FrameLayout', [i * w, H - NAV, (i + 1) * w, H], { desc: item.label, clickable: true, selected: i === selected, ...(item.onTap && i !== selected ? { onTap: item.onTap } : {}) }, [
    node('android.widget.TextView', [i * w, H - NAV + 90, (i + 1) * w, H - 20], { ...id(pkg, 'navigation_bar_item_large_label_view'), text: item.label, textSize: 36, color: i === selected ? '#c62828' : '#616161' }),
  ]));
  return node('com.google.android.material.bottomnavigation.BottomNavigationView', [0, H - NAV, W, H], { ...id(pkg, 'bottom_navigation'), background: '#ffffff' }, kids);
}

/** A tab strip (TabLayout) of labels. */
export function tabs(pkg, labels, top, selected, onTaps = []) {
  const w = Math.floor(W / labels.length);
  const kids = labels.map((label, i) => node('android.widget.LinearLayout', [i * w, top, (i + 1) * w, top + 132], { desc: label, clickable: true, selected: i === selected, ...(onTaps[i] ? { onTap: onTaps[i] } : {}) }, [
    node('android.widget.TextView', [i * w, top + 30, (i + 1) * w, top + 110], { text: label, textSize: 44, color: i === selected ? '#c62828' : '#424242' }),
  ]));
  return node('com.google.android.material.tabs.TabLayout', [0, top, W, top + 132], { ...id(pkg, 'tabs'), background: '#ffffff' }, kids);
}
