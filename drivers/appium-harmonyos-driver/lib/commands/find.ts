/** findElement(s): a fresh dump per attempt, the strategy as XPath over it, retried for the implicit wait. */
import { randomUUID } from 'node:crypto';
import { errors } from 'appium/driver.js';
import type { Element as XmlElement } from '@xmldom/xmldom';
import type { HarmonyOsDriver } from '../driver.js';
import { parseBounds, parseLayoutJson } from '../layout/dump-layout.js';
import { layoutToXml } from '../layout/to-xml.js';
import { attributesOf, parseSourceXml, selectElements, toXPath, type LocatorStrategy } from '../layout/locate.js';
import type { FoundElement } from '../session-state.js';
import { dumpLayoutJson } from './source.js';

const W3C_ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export type WebElement = { ELEMENT: string; [W3C_ELEMENT_KEY]: string };

/** The element behind an id; NoSuchElement when the session never returned it. */
export function elementOf(driver: HarmonyOsDriver, id: string): FoundElement {
  const found = driver.state.elements.get(id);
  if (!found) throw new errors.NoSuchElementError(`No element with id '${id}' was found in this session`);
  return found;
}

function remember(driver: HarmonyOsDriver, node: XmlElement, dumpId: number): WebElement {
  const id = randomUUID();
  const attributes = attributesOf(node);
  driver.state.elements.set(id, { tag: node.tagName, attributes, rect: parseBounds(attributes.bounds), node, dumpId });
  return { ELEMENT: id, [W3C_ELEMENT_KEY]: id };
}

async function search(driver: HarmonyOsDriver, strategy: LocatorStrategy, selector: string, context?: string): Promise<{ nodes: XmlElement[]; dumpId: number }> {
  if (context) {
    const parent = elementOf(driver, context);
    return { nodes: selectElements(toXPath(strategy, selector, true), parent.node), dumpId: parent.dumpId };
  }
  const doc = parseSourceXml(layoutToXml(parseLayoutJson(await dumpLayoutJson.call(driver))));
  const dumpId = ++driver.state.dumpCount;
  try {
    return { nodes: selectElements(toXPath(strategy, selector), doc), dumpId };
  } catch (err) {
    throw new errors.InvalidSelectorError(`Invalid ${strategy} selector '${selector}': ${(err as Error).message}`);
  }
}

/** base-driver's find hook: one element (NoSuchElement when absent after the implicit wait) or all. */
export async function findElOrEls(this: HarmonyOsDriver, strategy: string, selector: string, mult: boolean, context?: string): Promise<WebElement | WebElement[]> {
  const deadline = Date.now() + this.implicitWaitMs;
  for (;;) {
    const { nodes, dumpId } = await search(this, strategy as LocatorStrategy, selector, context);
    if (nodes.length > 0 || (mult && Date.now() >= deadline)) {
      const wrapped = nodes.map((n) => remember(this, n, dumpId));
      if (mult) return wrapped;
      return wrapped[0]!;
    }
    // An element search from a stored element is over its snapshot: waiting cannot change it.
    if (Date.now() >= deadline || context) {
      if (mult) return [];
      throw new errors.NoSuchElementError(`No element matches ${strategy} '${selector}'`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
