/**
 * How the simulated HarmonyOS device words its log (hilog tags of the ability and app managers) and what
 * an app crash or freeze leaves behind: a JsError/AppFreeze line and FaultLogger's `jscrash-…`/`appfreeze-…`
 * file (written through the callbacks the device gives).
 */
import type { LifecycleEvent, LogLine, LogStyle } from '../engine/log-style.js';

/** The HarmonyOS log style; `recordCrash` writes the FaultLogger file of a dying app. */
export function harmonyLogStyle(recordCrash: (pkg: string, pid: number, exception: string) => void, recordFreeze: (pkg: string, pid: number, waitedMs: number) => void = () => undefined): LogStyle {
  return {
    lifecycle(e: LifecycleEvent): LogLine[] {
      switch (e.kind) {
        case 'installed': return [{ level: 'I', tag: 'BMS', message: `install bundle successfully, bundleName: ${e.pkg}, versionCode: ${e.versionCode}` }];
        case 'process-started': return [{ level: 'I', tag: 'AppMgrService', message: `StartProcess, bundleName: ${e.pkg}, pid: ${e.pid}, uid: ${e.uid}` }];
        case 'displayed': return [{ level: 'I', tag: 'AbilityManagerService', message: `ability foreground, bundle: ${e.pkg}, page: ${e.activity}, cost: ${e.ms}ms` }];
        case 'stopped': return [{ level: 'I', tag: 'AppMgrService', message: `KillApplication, bundleName: ${e.pkg}` }];
        case 'died': return [{ level: 'I', tag: 'AppMgrService', message: `process died, bundleName: ${e.pkg}, pid: ${e.pid}` }];
        case 'permission-requested': return [{ level: 'I', tag: 'ATM', message: `request permission ${e.permission} for ${e.pkg}` }];
        case 'not-responding':
          // An input not handled within 5 s is APP_INPUT_BLOCK; FaultLogger writes an appfreeze file.
          recordFreeze(e.pkg, e.pid, e.waitedMs);
          return [{ level: 'E', tag: 'AppFreeze', message: `APP_INPUT_BLOCK: ${e.pkg} (pid ${e.pid}) did not handle input for ${e.waitedMs} ms on ${e.activity}` }];
      }
    },
    crash(pkg, pid, exception) {
      recordCrash(pkg, pid, exception);
      return [{ level: 'E', tag: 'JsError', message: `${pkg}: ${exception}` }];
    },
  };
}
