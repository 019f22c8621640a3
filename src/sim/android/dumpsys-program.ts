/**
 * `dumpsys <service>` in the layouts appium-adb and src/device/android/ parse: window (focus, lock state),
 * activity (services, processes, top), power, gfxinfo, meminfo, cpuinfo, SurfaceFlinger displays, input,
 * input_method, deviceidle, battery, package.
 */
import { ok, type CommandResult } from './command-result.js';
import { dumpsysPackage } from './dumpsys-package.js';
import { gfxinfoText, meminfoText, cpuinfoText } from './dumpsys-perf.js';
import type { SimAndroid } from './sim-android.js';

/** Answers `dumpsys …`. */
export function dumpsysProgram(sim: SimAndroid, args: string[]): CommandResult {
  const [service = '', ...rest] = args;
  switch (service) {
    case 'package':
      return ok(dumpsysPackage(sim, rest.filter((a) => !a.startsWith('-'))[0] ?? ''));
    case 'window':
      return ok(windowText(sim));
    case 'activity':
      return ok(activityText(sim, rest));
    case 'power':
      return ok(`POWER MANAGER (dumpsys power)\n\nPower Manager State:\n  mDirty=0x0\n  mWakefulness=${sim.screenOn ? 'Awake' : 'Asleep'}\n  mWakefulnessChanging=false\n  mIsPowered=true\n  mPlugType=2\n  mStayOn=true\n  mHoldingWakeLockSuspendBlocker=true\n  mHoldingDisplaySuspendBlocker=${sim.screenOn}\n`);
    case 'gfxinfo':
      return ok(gfxinfoText(sim, rest[0] ?? ''));
    case 'meminfo':
      return ok(meminfoText(sim, rest.filter((a) => !a.startsWith('-'))[0] ?? ''));
    case 'cpuinfo':
      return ok(cpuinfoText(sim));
    case 'SurfaceFlinger':
      return ok('Display 4619827259835644672 (HWC display 0): port=0 pnpId=GGL displayName="EMU_display_0"\n');
    case 'input':
      return ok('INPUT MANAGER (dumpsys input)\n\nInput Manager State:\n  Interactive: true\n\n  Viewport INTERNAL: displayId=0, uniqueId=local:4619827259835644672, port=0, orientation=0, logicalFrame=[0, 0, 1080, 2400]\n    SurfaceOrientation: 0\n');
    case 'input_method':
      return ok('Current Input Method Manager state:\n  mCurMethodId=com.android.inputmethod.latin/.LatinIME\n  mInputShown=false\n  mIsInputViewShown=false\n');
    case 'deviceidle':
      return ok(rest[0] === 'whitelist' && rest[1] ? `Added: ${rest[1].replace(/^\+/, '')}\n` : 'system-excidle,com.android.shell,2000\n');
    case 'battery':
      return ok('Current Battery Service state:\n  AC powered: true\n  USB powered: false\n  status: 2\n  health: 2\n  present: true\n  level: 100\n  scale: 100\n  voltage: 5000\n  temperature: 250\n  technology: Li-ion\n');
    case 'display':
      return ok(`DISPLAY MANAGER (dumpsys display)\n  mDisplayId=0\n  mBaseDisplayInfo=DisplayInfo{"Built-in Screen", displayId 0, real ${sim.device.screen.width} x ${sim.device.screen.height}, density ${sim.device.screen.density}}\n  mScreenState=${sim.screenOn ? 'ON' : 'OFF'}\n`);
    default:
      sim.noteUnknown(`dumpsys ${args.join(' ')}`);
      return ok(`Can't find service: ${service}\n`);
  }
}

function windowText(sim: SimAndroid): string {
  const focus = sim.device.focus();
  const component = `${focus.pkg}/${focus.activity}`;
  const locked = sim.locked;
  return [
    'WINDOW MANAGER DISPLAY CONTENTS (dumpsys window displays)',
    '  Display: mDisplayId=0 rootTasks=1',
    `    init=${sim.device.screen.width}x${sim.device.screen.height} ${sim.device.screen.density}dpi cur=${sim.device.screen.width}x${sim.device.screen.height} app=${sim.device.screen.width}x${sim.device.screen.height - 200} rng=1080x954-2400x2274`,
    `  mCurrentFocus=Window{2a3b4c5 u0 ${component}}`,
    `  mFocusedApp=ActivityRecord{7d8e9f0 u0 ${component} t12}`,
    '',
    'WINDOW MANAGER POLICY STATE (dumpsys window policy)',
    `    mKeyguardDrawComplete=true mWindowManagerDrawComplete=true`,
    `    mScreenOnEarly=${sim.screenOn} mScreenOnFully=${sim.screenOn}`,
    '    KeyguardServiceDelegate',
    `      showing=${locked}`,
    '      KeyguardStateMonitor',
    `        mIsShowing=${locked}`,
    `        mSimSecure=false`,
    `        mInputRestricted=${locked}`,
    `  mShowingLockscreen=${locked} mShowingDream=false mDreamingLockscreen=false`,
    `    screenState=${sim.screenOn ? 'SCREEN_STATE_ON' : 'SCREEN_STATE_OFF'}`,
    '',
  ].join('\n');
}

function activityText(sim: SimAndroid, args: string[]): string {
  const [what = '', target] = args;
  const device = sim.device;
  if (what === 'services') {
    const proc = target ? device.processes.get(target) : undefined;
    if (!proc) return 'ACTIVITY MANAGER SERVICES (dumpsys activity services)\n  (nothing)\n';
    return [
      'ACTIVITY MANAGER SERVICES (dumpsys activity services)',
      '  User 0 active services:',
      `  * ServiceRecord{5e6f7a8 u0 ${target}/.ForegroundService}`,
      `    intent={cmp=${target}/.ForegroundService}`,
      `    packageName=${target}`,
      `    processName=${target}`,
      `    app=ProcessRecord{1a2b3c4 ${proc.pid}:${target}/u0a${(device.packages.get(target!)?.uid ?? 10100) - 10000}}`,
      `    isForeground=true foregroundId=1 foregroundNoti=Notification(channel=main_channel)`,
      '',
    ].join('\n');
  }
  if (what === 'processes' || what === 'p') {
    const lines = [...device.processes.values()].map((p, i) => `    *APP* UID ${device.packages.get(p.pkg)?.uid ?? 10100} ProcessRecord{${(0x1a2b3c + i).toString(16)} ${p.pid}:${p.pkg}/u0a${(device.packages.get(p.pkg)?.uid ?? 10100) - 10000}}`);
    return `ACTIVITY MANAGER RUNNING PROCESSES (dumpsys activity processes)\n  All known processes:\n${lines.join('\n')}\n`;
  }
  const focus = device.focus();
  return [
    'ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)',
    'Display #0 (activities from top to bottom):',
    `  * Task{a1b2c3 #12 type=standard A=10150:${focus.pkg} U=0 visible=true mode=fullscreen}`,
    `    * ActivityRecord{7d8e9f0 u0 ${focus.pkg}/${focus.activity} t12}`,
    `  ResumedActivity: ActivityRecord{7d8e9f0 u0 ${focus.pkg}/${focus.activity} t12}`,
    `  mResumedActivity: ActivityRecord{7d8e9f0 u0 ${focus.pkg}/${focus.activity} t12}`,
    '',
  ].join('\n');
}
