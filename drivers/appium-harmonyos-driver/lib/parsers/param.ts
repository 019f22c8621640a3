/** `param get <name>` → its value (first line), or undefined when the device has no such parameter. */
export function parseParamValue(output: string): string | undefined {
  const first = output.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0);
  if (!first || /^(get parameter|fail|error)/i.test(first)) return undefined;
  return first;
}

/** `param get const.ohos.apiversion` → the API level as a number. */
export function parseApiLevel(output: string): number | undefined {
  const value = parseParamValue(output);
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
