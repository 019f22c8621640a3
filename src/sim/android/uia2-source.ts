/**
 * The displayed tree as the UiAutomator2 server dumps it: `<hierarchy index="0" class="hierarchy" rotation="0"
 * width height>` with one element per node, named by its class, carrying the server's attributes in its order.
 */
import type { ViewNode } from '../engine/view-tree.js';
import type { ScreenSize } from '../engine/system-ui.js';

/** The attributes UiAutomator2 reports for a node, in its order (empty content-desc/hint omitted). */
export function nodeAttributes(n: ViewNode, index: number): [string, string][] {
  const m = n.node;
  const attrs: [string, string][] = [['index', String(index)], ['package', n.pkg], ['class', m.class], ['text', m.password ? '•'.repeat(n.text.length) : n.text]];
  if (m.hint) attrs.push(['hint', m.hint]);
  if (m.id) attrs.push(['resource-id', m.id]);
  if (m.desc) attrs.push(['content-desc', m.desc]);
  const flag = (name: string, value: boolean | undefined): void => {
    attrs.push([name, value ? 'true' : 'false']);
  };
  flag('checkable', m.checkable);
  flag('checked', m.checked);
  flag('clickable', m.clickable || m.editable);
  flag('enabled', m.enabled !== false);
  flag('focusable', m.clickable || m.editable || m.scrollable);
  flag('focused', n.focused);
  flag('long-clickable', m.longClickable ?? m.editable);
  flag('password', m.password);
  flag('scrollable', m.scrollable);
  flag('selected', m.selected);
  attrs.push(['bounds', `[${n.bounds[0]},${n.bounds[1]}][${n.bounds[2]},${n.bounds[3]}]`]);
  attrs.push(['displayed', 'true']);
  return attrs;
}

/** XML-escapes an attribute value. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** Tag name of a node: its class, with `$` (inner classes) made XML-safe as the server does. */
export function tagOf(n: ViewNode): string {
  return n.node.class.replace(/[$]/g, '.').replace(/[^\w.-]/g, '_') || 'android.view.View';
}

function render(n: ViewNode, index: number, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = nodeAttributes(n, index).map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ');
  if (n.children.length === 0) {
    out.push(`${pad}<${tagOf(n)} ${attrs} />`);
    return;
  }
  out.push(`${pad}<${tagOf(n)} ${attrs}>`);
  n.children.forEach((c, i) => render(c, i, depth + 1, out));
  out.push(`${pad}</${tagOf(n)}>`);
}

/** The page source XML of the displayed tree. */
export function renderHierarchy(root: ViewNode, screen: ScreenSize): string {
  const out = [`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>`, `<hierarchy index="0" class="hierarchy" rotation="0" width="${screen.width}" height="${screen.height}">`];
  render(root, 0, 1, out);
  out.push('</hierarchy>');
  return out.join('\n') + '\n';
}
