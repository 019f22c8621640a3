/** Page source, element lookup, element attributes and element actions (FBDebugCommands, FBFindElementCommands, FBElementCommands). */
import { findElements, InvalidSelectorError } from './wda-find.js';
import { invalidArgument, invalidSelector, noSuchElement, WdaError } from './wda-errors.js';
import type { RouteRequest, WdaRoute } from './wda-route.js';
import { attributeOf } from './wda-predicate.js';
import { allElements, sourceXml, type XcuiElement } from './xcui-tree.js';

function lookup(req: RouteRequest, many: boolean): unknown {
  const { ctx, body, params } = req;
  const using = typeof body.using === 'string' ? body.using : '';
  const value = typeof body.value === 'string' ? body.value : '';
  const root = ctx.tree();
  const context = params.uuid ? ctx.resolve(params.uuid, root) : root;
  let found: XcuiElement[];
  try {
    found = findElements(root, context, using, value);
  } catch (error) {
    if (error instanceof InvalidSelectorError) throw invalidSelector(error.message);
    throw error;
  }
  if (many) return found.map((e) => ctx.ref(e));
  if (!found[0]) throw noSuchElement(using, value);
  return ctx.ref(found[0]);
}

function jsonSource(e: XcuiElement): unknown {
  return {
    type: e.type.replace('XCUIElementType', ''), rawIdentifier: e.name ?? null, name: e.name ?? null, value: e.value ?? null, label: e.label ?? null,
    rect: e.rect, frame: `{{${e.rect.x}, ${e.rect.y}}, {${e.rect.width}, ${e.rect.height}}}`, isEnabled: e.enabled ? '1' : '0', isVisible: e.visible ? '1' : '0',
    isAccessible: e.accessible ? '1' : '0', children: e.children.map(jsonSource),
  };
}

function source(req: RouteRequest): unknown {
  const format = req.query.get('format') ?? 'xml';
  const tree = req.ctx.tree();
  if (format === 'json') return jsonSource(tree);
  if (format !== 'xml') throw invalidArgument(`Unknown source format '${format}'. Only xml, json and description source formats are supported.`);
  return sourceXml(tree, req.query.get('scope') ?? undefined);
}

/** The attribute WDA's `/attribute/:name` returns: strings for texts, booleans as "true"/"false"-able values. */
function attribute(e: XcuiElement, name: string): unknown {
  if (name === 'rect') return e.rect;
  if (name === 'wdType' || name === 'type') return e.type;
  try {
    const v = attributeOf(e, name.replace(/^wd/, '').replace(/^[A-Z]/, (c) => c.toLowerCase()));
    return v === undefined ? null : typeof v === 'boolean' ? (v ? '1' : '0') : v;
  } catch {
    return null;
  }
}

const center = (e: XcuiElement): { x: number; y: number } => ({ x: Math.round(e.rect.x + e.rect.width / 2), y: Math.round(e.rect.y + e.rect.height / 2) });

/** `{text}` or `{value: [chars]}`, as WDA's /element/:uuid/value and /wda/keys accept. */
export function typedText(body: Record<string, unknown>): string {
  if (typeof body.text === 'string') return body.text;
  if (Array.isArray(body.value)) return body.value.join('');
  if (typeof body.value === 'string') return body.value;
  throw invalidArgument('Neither \'value\' nor \'text\' parameter is provided');
}

function type(req: RouteRequest, replace: boolean): null {
  const { ctx } = req;
  const e = ctx.resolve(req.params.uuid!);
  const shown = e.type.endsWith('SecureTextField') ? '' : (e.value && e.value !== e.placeholderValue ? e.value : '');
  const text = replace ? '' : shown + typedText(req.body);
  if (!ctx.device.setText(e.key, text)) {
    ctx.device.tap(center(e).x, center(e).y);
    if (!ctx.device.setText(e.key, text)) throw new WdaError('invalid element state', `Element ${e.type} is not editable`, 400);
  }
  return null;
}

export const ELEMENT_ROUTES: WdaRoute[] = [
  { method: 'GET', path: '/source', withoutSession: true, handle: source },
  { method: 'GET', path: '/wda/accessibleSource', withoutSession: true, handle: (req) => jsonSource(req.ctx.tree()) },
  { method: 'POST', path: '/element', handle: (req) => lookup(req, false) },
  { method: 'POST', path: '/elements', handle: (req) => lookup(req, true) },
  { method: 'POST', path: '/element/:uuid/element', handle: (req) => lookup(req, false) },
  { method: 'POST', path: '/element/:uuid/elements', handle: (req) => lookup(req, true) },
  {
    method: 'GET', path: '/element/active', handle: (req) => {
      const key = req.ctx.device.focusedKey();
      const root = req.ctx.tree();
      const e = key ? allElements(root).find((x) => x.key === key) : undefined;
      if (!e) throw new WdaError('no such element', 'No element has the keyboard focus', 404);
      return req.ctx.ref(e);
    },
  },
  { method: 'GET', path: '/element/:uuid/attribute/:name', handle: (req) => attribute(req.ctx.resolve(req.params.uuid!), req.params.name!) },
  { method: 'GET', path: '/element/:uuid/text', handle: (req) => { const e = req.ctx.resolve(req.params.uuid!); return e.value || e.label || ''; } },
  { method: 'GET', path: '/element/:uuid/name', handle: (req) => req.ctx.resolve(req.params.uuid!).type },
  { method: 'GET', path: '/element/:uuid/rect', handle: (req) => req.ctx.resolve(req.params.uuid!).rect },
  { method: 'GET', path: '/element/:uuid/enabled', handle: (req) => req.ctx.resolve(req.params.uuid!).enabled },
  { method: 'GET', path: '/element/:uuid/displayed', handle: (req) => req.ctx.resolve(req.params.uuid!).visible },
  { method: 'GET', path: '/element/:uuid/selected', handle: (req) => req.ctx.resolve(req.params.uuid!).selected },
  { method: 'GET', path: '/wda/element/:uuid/accessible', handle: (req) => req.ctx.resolve(req.params.uuid!).accessible },
  {
    method: 'POST', path: '/element/:uuid/click', handle: (req) => {
      const e = req.ctx.resolve(req.params.uuid!);
      if (!e.visible) throw new WdaError('element not interactable', `The element '${e.type}' is not visible on the screen and thus is not interactable`, 400);
      const c = center(e);
      req.ctx.device.tap(c.x, c.y);
      return null;
    },
  },
  { method: 'POST', path: '/element/:uuid/value', handle: (req) => type(req, false) },
  { method: 'POST', path: '/element/:uuid/clear', handle: (req) => type(req, true) },
  {
    method: 'POST', path: '/wda/keys', handle: (req) => {
      const key = req.ctx.device.focusedKey();
      if (!key) throw new WdaError('invalid element state', 'Keyboard is not present', 400);
      const root = req.ctx.tree();
      const e = allElements(root).find((x) => x.key === key);
      const before = e && !e.type.endsWith('SecureTextField') && e.value !== e.placeholderValue ? e.value ?? '' : '';
      req.ctx.device.setText(key, before + typedText(req.body));
      return null;
    },
  },
];
