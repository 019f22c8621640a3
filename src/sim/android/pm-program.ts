/** `pm` and `cmd package|deviceidle|appops|…`: the package manager as appium-adb and a harness query it. */
import { fail, ok, type CommandResult } from './command-result.js';
import { dumpsysPackage } from './dumpsys-package.js';
import { appopsProgram } from './appops-program.js';
import type { SimAndroid } from './sim-android.js';

function packageArg(args: string[]): string {
  return args.filter((a) => !a.startsWith('-') && !/^\d+$/.test(a))[0] ?? '';
}

/** Answers `pm …` (and `cmd package …`, the same service). */
export function pmProgram(sim: SimAndroid, args: string[]): CommandResult {
  const [sub = '', ...rest] = args;
  const device = sim.device;
  switch (sub) {
    case 'list':
      return list(sim, rest);
    case 'path': {
      const pkg = device.packages.get(packageArg(rest));
      return pkg ? ok(`package:${pkg.codePath}/base.apk\n`) : { kind: 'buffered', stdout: '', code: 1 };
    }
    case 'clear':
      return device.clearData(packageArg(rest)) ? ok('Success\n') : ok('Failed\n');
    case 'grant':
    case 'revoke': {
      const [pkgName = '', permission = ''] = rest.filter((a) => !a.startsWith('-') && a !== '0');
      const pkg = device.packages.get(pkgName);
      if (!pkg) return fail(`Exception occurred while executing '${sub}':\njava.lang.IllegalArgumentException: Unknown package: ${pkgName}`, 255);
      if (!pkg.requestedPermissions.includes(permission)) return fail(`Exception occurred while executing '${sub}':\njava.lang.SecurityException: Package ${pkgName} has not requested permission ${permission}`, 255);
      device.setPermission(pkgName, permission, sub === 'grant');
      return ok();
    }
    case 'uninstall':
      return device.uninstall(packageArg(rest)) ? ok('Success\n') : ok('Failure [DELETE_FAILED_INTERNAL_ERROR]\n');
    case 'dump':
      return ok(dumpsysPackage(sim, packageArg(rest)));
    case 'resolve-activity': {
      const pkg = device.packages.get(rest.filter((a) => !a.startsWith('-')).pop() ?? '');
      if (!pkg?.launchActivity) return ok('No activity found\n');
      return ok(`priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n${pkg.packageName}/${pkg.launchActivity}\n`);
    }
    case 'disable-user':
    case 'enable':
    case 'set-home-activity':
    case 'compile':
    case 'trim-caches':
      return ok();
    case 'get-max-users':
      return ok('Maximum supported users: 4\n');
    default:
      sim.noteUnknown(`pm ${args.join(' ')}`);
      return fail(`Unknown command: ${sub}`, 255);
  }
}

function list(sim: SimAndroid, args: string[]): CommandResult {
  const [what = '', ...opts] = args;
  const packages = [...sim.device.packages.values()];
  if (what === 'packages') {
    const filterText = opts.find((a) => !a.startsWith('-'));
    const lines = packages
      .filter((p) => !filterText || p.packageName.includes(filterText))
      .map((p) => `package:${opts.includes('-f') ? `${p.codePath}/base.apk=` : ''}${p.packageName}${opts.includes('--show-versioncode') ? ` versionCode:${p.versionCode}` : ''}`);
    return ok(lines.map((l) => l + '\n').join(''));
  }
  if (what === 'instrumentation') {
    return ok(packages.filter((p) => p.instrumentation).map((p) => `instrumentation:${p.instrumentation!.name} (target=${p.instrumentation!.targetPackage})\n`).join(''));
  }
  if (what === 'users') return ok('Users:\n\tUserInfo{0:Owner:c13} running\n');
  if (what === 'features') return ok('feature:android.hardware.camera\nfeature:android.hardware.location.gps\nfeature:android.hardware.touchscreen\n');
  if (what === 'permissions') return ok('All Permissions:\n\n');
  sim.noteUnknown(`pm list ${args.join(' ')}`);
  return ok();
}

/** Answers `cmd <service> …`. */
export function cmdProgram(sim: SimAndroid, args: string[]): CommandResult {
  const [service = '', ...rest] = args;
  switch (service) {
    case 'package':
      return pmProgram(sim, rest);
    case 'deviceidle':
      return ok(rest[0] === 'whitelist' && rest[1] ? `Added: ${rest[1].replace(/^\+/, '')}\n` : '');
    case 'appops':
      return appopsProgram(sim, rest);
    case 'notification':
    case 'statusbar':
    case 'overlay':
    case 'settings':
      return ok();
    case 'clipboard':
      return ok(sim.device.clipboard ? `${sim.device.clipboard}\n` : '');
    case 'display':
      return ok();
    default:
      sim.noteUnknown(`cmd ${args.join(' ')}`);
      return fail(`cmd: Can't find service: ${service}`, 20);
  }
}
