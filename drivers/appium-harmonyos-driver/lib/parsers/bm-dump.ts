/**
 * `bm dump -n <bundle>` prints a header line (`<bundle>:`) and the BundleInfo as JSON. The launch
 * ability is the entry module's `mainElementName`; permissions are `reqPermissions` with their
 * states (`reqPermissionStates`: 0 granted, -1 denied) where the release prints them.
 */
export interface LaunchTarget {
  abilityName: string;
  moduleName?: string;
}

export interface RequestedPermission {
  name: string;
  granted?: boolean;
}

/** The JSON object of a `bm dump -n` output, or undefined when the bundle is unknown. */
export function parseBundleDump(output: string): Record<string, unknown> | undefined {
  const start = output.indexOf('{');
  const end = output.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  try {
    return JSON.parse(output.slice(start, end + 1)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

interface HapModuleInfo { moduleName?: string; mainAbility?: string; mainElementName?: string }

/** The ability and module to start the app with: the entry module's main element first. */
export function launchTargetOf(dump: Record<string, unknown>): LaunchTarget | undefined {
  const modules = (Array.isArray(dump.hapModuleInfos) ? dump.hapModuleInfos : []) as HapModuleInfo[];
  const entry = typeof dump.entryModuleName === 'string' ? dump.entryModuleName : typeof dump.mainEntry === 'string' ? dump.mainEntry : undefined;
  const ordered = [...modules.filter((m) => m.moduleName === entry), ...modules.filter((m) => m.moduleName !== entry)];
  for (const m of ordered) {
    const ability = m.mainElementName || m.mainAbility;
    if (ability) return { abilityName: ability, ...(m.moduleName ? { moduleName: m.moduleName } : {}) };
  }
  return undefined;
}

/** The permissions the bundle requests, with their grant state when the dump has it. */
export function requestedPermissionsOf(dump: Record<string, unknown>): RequestedPermission[] {
  const names = Array.isArray(dump.reqPermissions) ? (dump.reqPermissions as unknown[]).filter((n): n is string => typeof n === 'string') : [];
  const details = Array.isArray(dump.reqPermissionDetails) ? (dump.reqPermissionDetails as { name?: unknown }[]) : [];
  const all = names.length > 0 ? names : details.map((d) => d.name).filter((n): n is string => typeof n === 'string');
  const states = Array.isArray(dump.reqPermissionStates) ? (dump.reqPermissionStates as unknown[]) : [];
  return all.map((name, i) => (typeof states[i] === 'number' ? { name, granted: states[i] === 0 } : { name }));
}

/** `bm dump -a` → installed bundle names (one per line after an `ID: 100:` header). */
export function parseBundleList(output: string): string[] {
  return output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^ID:/.test(l) && /^[\w.]+$/.test(l));
}
