/** Static reading of submitted app packages (.apk, .hap/.app, .ipa). */
export { inspectPackage } from './inspect.js';
export { renderInspectText } from './render-text.js';
export { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './limits.js';
export { RISK_CLASSES, describePermission, overBroadReason, type RiskClass } from './permissions-catalog.js';
export type {
  ComponentFact,
  ComponentKind,
  EntryPoint,
  HostFact,
  HostKind,
  NetworkFacts,
  PackageFacts,
  PackageIdentity,
  PackagePlatform,
  PermissionFact,
  StringFact,
} from './types.js';
