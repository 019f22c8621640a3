/**
 * Finding elements: every strategy becomes an XPath over the page source XML, evaluated with
 * xmldom + xpath (no live handles exist on the command-line path: an element is the snapshot of a
 * node: its attributes and bounds when it was found).
 */
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import xpath from 'xpath';

export const LOCATOR_STRATEGIES = ['xpath', 'id', 'accessibility id', 'class name', '-harmony text'] as const;
export type LocatorStrategy = (typeof LOCATOR_STRATEGIES)[number];

/** An XPath 1.0 string literal for any value (concat() when it holds both quote kinds). */
export function xpathLiteral(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `concat(${value.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
}

/** The XPath a strategy and selector stand for (relative to a context node when `relative`). */
export function toXPath(strategy: LocatorStrategy, selector: string, relative = false): string {
  const axis = relative ? './/' : '//';
  const v = xpathLiteral(selector);
  switch (strategy) {
    case 'xpath': return selector;
    case 'id': return `${axis}*[@id=${v} or @key=${v}]`;
    case 'accessibility id': return `${axis}*[@description=${v} or @key=${v}]`;
    case 'class name': return `${axis}${/^[A-Za-z_][\w.-]*$/.test(selector) ? selector : `*[@type=${v}]`}`;
    case '-harmony text': return `${axis}*[@text=${v}]`;
  }
}

/** Parses the page source XML into a DOM document. */
export function parseSourceXml(xml: string): XmlNode {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

/** Elements matching `expression` under `context`; throws a plain Error on invalid XPath. */
export function selectElements(expression: string, context: XmlNode): XmlElement[] {
  const result = xpath.select(expression, context as unknown as Node);
  if (!Array.isArray(result)) return [];
  return (result as unknown as XmlNode[]).filter((n): n is XmlElement => n.nodeType === 1);
}

/** All attributes of a DOM element as a plain record. */
export function attributesOf(element: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < element.attributes.length; i++) {
    const attr = element.attributes.item(i);
    if (attr) out[attr.name] = attr.value;
  }
  return out;
}
