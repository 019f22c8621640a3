/** Android's wording of system log lines: ActivityManager, PackageManager, and AndroidRuntime's FATAL EXCEPTION. */
import type { LogStyle } from '../engine/log-style.js';

const short = (activity: string, pkg: string): string => (activity.startsWith(pkg + '.') ? activity.slice(pkg.length) : activity);

export const androidLogStyle: LogStyle = {
  lifecycle(e) {
    switch (e.kind) {
      case 'installed': return [{ level: 'I', tag: 'PackageManager', message: `Package ${e.pkg} installed, versionCode=${e.versionCode}` }];
      case 'process-started': return [{ level: 'I', tag: 'ActivityManager', message: `Start proc ${e.pid}:${e.pkg}/u0a${e.uid - 10_000} for activity` }];
      case 'displayed': return [{ level: 'I', tag: 'ActivityTaskManager', message: `Displayed ${e.pkg}/${short(e.activity, e.pkg)}: +${e.ms}ms` }];
      case 'stopped': return [{ level: 'I', tag: 'ActivityManager', message: `Force stopping ${e.pkg} appid=${e.uid}` }];
      case 'died': return [{ level: 'I', tag: 'ActivityManager', message: `Process ${e.pkg} (pid ${e.pid}) has died: fg  TOP ` }];
      case 'permission-requested': return [{ level: 'I', tag: 'GrantPermissionsActivity', message: `Requesting ${e.permission} for ${e.pkg}` }];
      case 'not-responding': return [
        { level: 'E', tag: 'ActivityManager', message: `ANR in ${e.pkg} (${e.pkg}/${short(e.activity, e.pkg)})` },
        { level: 'E', tag: 'ActivityManager', message: `PID: ${e.pid}` },
        { level: 'E', tag: 'ActivityManager', message: `Reason: Input dispatching timed out (${e.pkg}/${e.activity} is not responding. Waited ${e.waitedMs}ms for MotionEvent).` },
        { level: 'E', tag: 'ActivityManager', message: `Parent: ${e.pkg}/${short(e.activity, e.pkg)}` },
      ];
    }
  },
  crash(pkg, pid, exception) {
    const at = (frame: string) => ({ level: 'E' as const, tag: 'AndroidRuntime', message: `\tat ${frame}` });
    return [
      { level: 'E', tag: 'AndroidRuntime', message: 'FATAL EXCEPTION: main' },
      { level: 'E', tag: 'AndroidRuntime', message: `Process: ${pkg}, PID: ${pid}` },
      { level: 'E', tag: 'AndroidRuntime', message: exception },
      at(`${pkg}.ui.MainActivity.onClick(MainActivity.java:88)`),
      at('android.view.View.performClick(View.java:7448)'),
      at('android.os.Handler.dispatchMessage(Handler.java:106)'),
      at('android.os.Looper.loop(Looper.java:223)'),
      at('android.app.ActivityThread.main(ActivityThread.java:7656)'),
    ];
  },
};
