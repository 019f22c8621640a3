/** `dumpsys package <pkg>`: requested permissions and the install/runtime grant state. */
import { asText, parsed, unparsed, type Parsed } from './parsed.js';

export interface PermissionGrant {
  name: string;
  granted: boolean;
  kind: 'install' | 'runtime';
  flags?: string[];
}

export interface PackagePermissions {
  requested: string[];
  grants: PermissionGrant[];
}

type Section = 'requested' | 'install' | 'runtime' | undefined;

/** Walks the permission sections by their headings; unparsed when none is present. */
export function parsePackagePermissions(output: unknown): Parsed<PackagePermissions> {
  const result: PackagePermissions = { requested: [], grants: [] };
  let section: Section;
  let seen = false;
  for (const raw of asText(output).split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(requested|install|runtime) permissions:$/.exec(line)?.[1] as Section;
    if (heading) {
      section = heading;
      seen = true;
      continue;
    }
    if (!section) continue;
    const grant = /^([\w.]+): granted=(true|false)(?:, flags=\[\s*([^\]]*)\])?/.exec(line);
    if (section === 'requested' && /^[\w.]+$/.test(line)) result.requested.push(line);
    else if (grant && section !== 'requested') {
      const flags = grant[3]?.trim().split(/\s*\|\s*|\s+/).filter(Boolean);
      result.grants.push({ name: grant[1]!, granted: grant[2] === 'true', kind: section, ...(flags?.length ? { flags } : {}) });
    } else if (!/^[\w.]+:/.test(line)) section = undefined;
  }
  return seen ? parsed(result) : unparsed('no "requested/install/runtime permissions:" section in the dumpsys package output');
}
