/** Validates an app model against app-model.schema.json, naming the field that is wrong. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { SimAppModel } from './app-model.js';

const schemaPath = fileURLToPath(new URL('./app-model.schema.json', import.meta.url));
let validator: ReturnType<Ajv['compile']> | undefined;

/** Returns the model when valid; throws naming the first wrong field and the source. */
export function parseAppModel(data: unknown, source: string): SimAppModel {
  validator ??= new Ajv({ allErrors: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  if (!validator(data)) {
    const e = validator.errors?.[0];
    throw new Error(`Invalid app model in ${source}: ${e?.instancePath || '(root)'} ${e?.message ?? 'is invalid'}`);
  }
  const model = data as SimAppModel;
  for (const target of referencedScreens(model)) {
    if (!model.screens[target]) throw new Error(`Invalid app model in ${source}: screen "${target}" is referenced but not defined`);
  }
  return model;
}

function referencedScreens(model: SimAppModel): string[] {
  const out = [model.startScreen];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'goto' && typeof v === 'string') out.push(v);
        else visit(v);
      }
    }
  };
  visit(model.screens);
  return out;
}
