/**
 * Lays out an iOS sample's screens (rows of titles, texts, cells, buttons, fields) on a 390×844-point
 * iPhone as UIKit would: status bar, navigation bar with a back button on pushed screens, a scrolling
 * table, a tab bar on tab roots. The result is the simulated-device app model in device pixels (@3x,
 * 1170×2532, as the engine renders screenshots; the fake WDA reports points), classes are
 * XCUIElementType names, `activity` the view controller.
 */
type Bounds = [number, number, number, number];

interface Action { goto?: string; back?: boolean; toast?: string; crash?: string; requests?: unknown[]; askPermission?: { permission: string; onAllow?: Action; onDeny?: Action } }

interface Row { t: 'title' | 'text' | 'banner' | 'section' | 'cell' | 'button' | 'field'; text?: string; detail?: string; hint?: string; id?: string; bg?: string; tap?: Action; password?: boolean }

interface CompactScreen { vc: string; title: string; back?: boolean; tab?: number; rows: Row[]; onEnter?: unknown[]; askPermission?: unknown; log?: string[] }

export interface CompactApp {
  package: string; label: string; startScreen: string; coldStartMs?: number; iconColor?: string;
  onLaunch?: unknown[]; backgroundRequests?: unknown[]; readsClipboardAtLaunch?: boolean; trustsUserCa?: boolean;
  tabs?: { text: string; goto: string }[];
  screens: Record<string, CompactScreen>;
}

interface Node { class: string; bounds: Bounds; id?: string; text?: string; hint?: string; desc?: string; clickable?: boolean; editable?: boolean; password?: boolean; scrollable?: boolean; selected?: boolean; background?: string; color?: string; textSize?: number; onTap?: Action; children?: Node[] }

const W = 390, H = 844, NAV_TOP = 47, NAV_BOTTOM = 91, TAB_TOP = 761, HOME_INDICATOR = 810, MARGIN = 16;
const TINT = '#007aff', TEXT = '#1c1c1e', GREY = '#6d6d72', BG = '#f2f2f7', WHITE = '#ffffff';

/** Display width of a text in ems (CJK 1, others about half). */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’—…·]/.test(ch) ? 1 : 0.55;
  return w;
}

function lines(text: string, size: number, width: number): number {
  return Math.max(1, Math.ceil(ems(text) / Math.floor(width / size)));
}

const staticText = (text: string, b: Bounds, size: number, color = TEXT, id?: string): Node =>
  ({ class: 'XCUIElementTypeStaticText', ...(id ? { id } : {}), text, bounds: b, color, textSize: size });

function row(r: Row, y: number): { node: Node; height: number } {
  const inner = W - 2 * MARGIN;
  const text = r.text ?? '';
  switch (r.t) {
    case 'title': {
      const h = lines(text, 20, inner) * 28;
      return { node: staticText(text, [MARGIN, y + 12, W - MARGIN, y + 12 + h], 20), height: h + 16 };
    }
    case 'text': {
      const h = lines(text, 16, inner) * 22;
      return { node: staticText(text, [MARGIN, y + 6, W - MARGIN, y + 6 + h], 16), height: h + 12 };
    }
    case 'section':
      return { node: staticText(text, [MARGIN, y + 14, W - MARGIN, y + 32], 13, GREY), height: 36 };
    case 'banner': {
      const h = lines(text, 17, inner - 24) * 24 + 24;
      return { node: { class: 'XCUIElementTypeOther', bounds: [MARGIN, y + 8, W - MARGIN, y + 8 + h], background: r.bg ?? TINT, children: [staticText(text, [MARGIN + 12, y + 20, W - MARGIN - 12, y + h - 4], 17, WHITE)] }, height: h + 16 };
    }
    case 'button':
      return { node: { class: 'XCUIElementTypeButton', ...(r.id ? { id: r.id } : {}), text, bounds: [MARGIN, y + 8, W - MARGIN, y + 58], clickable: true, background: TINT, color: WHITE, textSize: 17, ...(r.tap ? { onTap: r.tap } : {}) }, height: 66 };
    case 'field':
      return { node: { class: 'XCUIElementTypeTextField', ...(r.id ? { id: r.id } : {}), hint: r.hint ?? '', bounds: [MARGIN, y + 6, W - MARGIN, y + 50], editable: true, ...(r.password ? { password: true } : {}), background: WHITE, color: TEXT, textSize: 16 }, height: 56 };
    case 'cell': {
      const children = [staticText(text, [MARGIN, y + 15, r.detail ? 270 : W - MARGIN, y + 37], 16)];
      if (r.detail) children.push(staticText(r.detail, [280, y + 15, W - MARGIN, y + 37], 15, GREY));
      const desc = r.detail ? `${text}, ${r.detail}` : text;
      return { node: { class: 'XCUIElementTypeCell', ...(r.id ? { id: r.id } : {}), desc, bounds: [0, y, W, y + 52], clickable: r.tap !== undefined, background: WHITE, ...(r.tap ? { onTap: r.tap } : {}), children }, height: 53 };
    }
  }
}

function navigationBar(screen: CompactScreen): Node {
  const children: Node[] = [];
  if (screen.back) children.push({ class: 'XCUIElementTypeButton', id: 'nav.back', text: '返回', desc: '返回', bounds: [0, NAV_TOP, 88, NAV_BOTTOM], clickable: true, color: TINT, textSize: 17, onTap: { back: true } });
  children.push(staticText(screen.title, [95, NAV_TOP + 11, W - 95, NAV_BOTTOM - 11], 17));
  return { class: 'XCUIElementTypeNavigationBar', id: screen.title, bounds: [0, NAV_TOP, W, NAV_BOTTOM], background: '#f9f9f9', children };
}

function tabBar(app: CompactApp, current: number): Node {
  const tabs = app.tabs ?? [];
  const w = Math.floor(W / Math.max(1, tabs.length));
  const children = tabs.map((t, i): Node => ({
    class: 'XCUIElementTypeButton', id: t.text, text: t.text, bounds: [i * w, TAB_TOP, i === tabs.length - 1 ? W : (i + 1) * w, HOME_INDICATOR],
    clickable: true, selected: i === current, color: i === current ? TINT : GREY, textSize: 11, ...(i === current ? {} : { onTap: { goto: t.goto } }),
  }));
  return { class: 'XCUIElementTypeTabBar', id: '标签栏', bounds: [0, TAB_TOP, W, H], background: '#f9f9f9', children };
}

function screenRoot(app: CompactApp, screen: CompactScreen): Node {
  const bottom = screen.tab !== undefined ? TAB_TOP : H;
  let y = NAV_BOTTOM;
  const rows = screen.rows.map((r) => {
    const laid = row(r, y);
    y += laid.height;
    return laid.node;
  });
  const table: Node = { class: 'XCUIElementTypeTable', bounds: [0, NAV_BOTTOM, W, bottom], scrollable: y > bottom, background: BG, children: rows };
  const children = [navigationBar(screen), table];
  if (screen.tab !== undefined) children.push(tabBar(app, screen.tab));
  return { class: 'XCUIElementTypeOther', bounds: [0, 0, W, H], background: BG, children };
}

/** Pixels per point of the simulated iPhone (src/sim/ios). */
export const SCALE = 3;

function toPixels(n: Node): Node {
  const out: Node = { ...n, bounds: n.bounds.map((v) => v * SCALE) as Bounds };
  if (n.textSize) out.textSize = n.textSize * SCALE;
  if (n.children) out.children = n.children.map(toPixels);
  return out;
}

/** The app model of a compact app description. */
export function layoutApp(app: CompactApp): Record<string, unknown> {
  const screens: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(app.screens)) {
    screens[name] = {
      activity: s.vc, root: toPixels(screenRoot(app, s)),
      ...(s.onEnter ? { onEnter: s.onEnter } : {}), ...(s.askPermission ? { askPermission: s.askPermission } : {}), ...(s.log ? { log: s.log } : {}),
    };
  }
  const rest: Record<string, unknown> = { ...app };
  for (const key of ['tabs', 'iconColor', 'screens']) delete rest[key];
  return { schemaVersion: 1, ...rest, screens };
}
