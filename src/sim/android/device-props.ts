/** The simulated phone's identity: system properties as `getprop` lists them, and its display. */
import type { ScreenSize } from '../engine/system-ui.js';

export const SIM_SCREEN: ScreenSize = { width: 1080, height: 2400, density: 420 };

/** Android 13 (API 33) on a Pixel-7-class phone, as `getprop` reports it. */
export function defaultProps(serial: string): Map<string, string> {
  return new Map(Object.entries({
    'ro.build.version.sdk': '33',
    'ro.build.version.release': '13',
    'ro.build.version.security_patch': '2023-08-05',
    'ro.build.type': 'userdebug',
    'ro.build.fingerprint': 'google/sdk_gphone64_x86_64/emu64xa:13/TE1A.220922.034/10940250:userdebug/dev-keys',
    'ro.product.manufacturer': 'Google',
    'ro.product.model': 'sim_android_13',
    'ro.product.brand': 'google',
    'ro.product.name': 'sim_android',
    'ro.product.device': 'sim',
    'ro.product.locale': 'zh-CN',
    'ro.product.cpu.abi': 'x86_64',
    'ro.product.cpu.abilist': 'x86_64,arm64-v8a',
    'ro.serialno': serial,
    'ro.kernel.qemu': '0',
    'ro.debuggable': '1',
    'ro.secure': '1',
    'persist.sys.locale': 'zh-CN',
    'persist.sys.timezone': 'Asia/Shanghai',
    'persist.sys.language': 'zh',
    'persist.sys.country': 'CN',
    'sys.boot_completed': '1',
    'init.svc.bootanim': 'stopped',
    'ro.sf.lcd_density': String(SIM_SCREEN.density),
    'gsm.operator.alpha': 'CHINA MOBILE',
  }));
}

/** `getprop` without arguments: `[name]: [value]` lines. */
export function renderProps(props: Map<string, string>): string {
  return [...props].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `[${k}]: [${v}]`).join('\n') + '\n';
}
