/**
 * Layout JSON → the XML page source Appium clients read and query with XPath. The top node becomes
 * `<hierarchy>`; every other node's tag is its ArkUI type (sanitised; a window root is `<root>`).
 * All attributes are copied (control characters stripped, as hmdriver2 does) and x, y, width,
 * height and index are added, as in UiAutomator2 and XCUITest sources.
 */
import { parseBounds, type LayoutNode } from './dump-layout.js';

/** The XML tag of a node below the top: its type, made a valid XML name. */
export function tagOf(node: LayoutNode): string {
  const tag = (node.attributes?.type ?? '').replace(/[^\w.-]/g, '_') || 'node';
  return /^[A-Za-z_]/.test(tag) ? tag : `_${tag}`;
}

function escapeAttr(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrsOf(node: LayoutNode, index: number): string {
  const a = node.attributes ?? {};
  const parts: string[] = [];
  for (const [name, value] of Object.entries(a)) {
    if (!/^[A-Za-z_][\w.-]*$/.test(name) || ['x', 'y', 'width', 'height', 'index'].includes(name)) continue;
    parts.push(`${name}="${escapeAttr(String(value))}"`);
  }
  const rect = parseBounds(a.bounds);
  if (rect) parts.push(`x="${rect.x}"`, `y="${rect.y}"`, `width="${rect.width}"`, `height="${rect.height}"`);
  parts.push(`index="${index}"`);
  return parts.join(' ');
}

/** Serialises a dumpLayout tree to the XML page source. */
export function layoutToXml(root: LayoutNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const visit = (node: LayoutNode, tag: string, index: number, depth: number): void => {
    const pad = '  '.repeat(depth);
    const kids = node.children ?? [];
    const open = `${pad}<${tag} ${attrsOf(node, index)}`;
    if (kids.length === 0) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    kids.forEach((child, i) => visit(child, tagOf(child), i, depth + 1));
    out.push(`${pad}</${tag}>`);
  };
  visit(root, 'hierarchy', 0, 0);
  return out.join('\n');
}
