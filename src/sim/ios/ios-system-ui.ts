/**
 * What iOS draws over apps on the simulated iPhone (device pixels, @3x): the permission alert
 * (XCUIElementTypeAlert: “App”想访问您的… with the app's usage description from Info.plist, buttons
 * 不允许 then 好, as iOS lays them out), a HUD for an app's transient message (iOS has no toast),
 * and SpringBoard's home screen of icons.
 */
import type { SimNode } from '../engine/app-model.js';
import type { ScreenSize, SystemLayer, SystemUi } from '../engine/system-ui.js';

export const SPRINGBOARD = 'com.apple.springboard';
const S = 3;

/** What each usage key asks for, in iOS's Chinese wording. */
const WHAT: Record<string, string> = {
  NSContactsUsageDescription: '访问您的通讯录',
  NSCameraUsageDescription: '访问您的相机',
  NSPhotoLibraryUsageDescription: '访问您的照片',
  NSPhotoLibraryAddUsageDescription: '向您的照片添加内容',
  NSMicrophoneUsageDescription: '访问您的麦克风',
  NSLocationWhenInUseUsageDescription: '使用您的位置',
  NSLocationAlwaysAndWhenInUseUsageDescription: '使用您的位置',
  NSCalendarsUsageDescription: '访问您的日历',
  NSBluetoothAlwaysUsageDescription: '使用蓝牙',
  NSUserTrackingUsageDescription: '跟踪您在其他公司的App和网站上的活动',
  NSFaceIDUsageDescription: '使用面容 ID',
};

const box = (l: number, t: number, r: number, b: number): [number, number, number, number] => [l * S, t * S, r * S, b * S];

/** The alert's title for a usage key. */
export function permissionTitle(appLabel: string, permission: string): string {
  return `“${appLabel}”想${WHAT[permission] ?? `访问${permission.replace(/^NS|UsageDescription$/g, '')}`}`;
}

export class IosSystemUi implements SystemUi {
  /** iOS shows a screen's permission alert with the screen (the XCUITest driver does not wait on activity focus). */
  readonly screenPromptDelayMs = 0;
  /** `usage(appLabel, key)`: the app's Info.plist purpose string for that key. */
  constructor(private readonly usage: (appLabel: string, permission: string) => string | undefined) {}

  permissionDialog(appLabel: string, permission: string, screen: ScreenSize): SystemLayer {
    const w = screen.width / S;
    const title = permissionTitle(appLabel, permission);
    const message = this.usage(appLabel, permission) ?? '';
    const top = 300;
    const l = (w - 270) / 2, r = l + 270;
    const buttonsTop = top + 110;
    const alert: SimNode = {
      class: 'XCUIElementTypeAlert', desc: title, bounds: box(l, top, r, buttonsTop + 45), background: '#f2f2f2',
      children: [
        { class: 'XCUIElementTypeStaticText', text: title, bounds: box(l + 16, top + 19, r - 16, top + 44), textSize: 15 * S, color: '#000000' },
        ...(message ? [{ class: 'XCUIElementTypeStaticText', text: message, bounds: box(l + 16, top + 48, r - 16, top + 96), textSize: 13 * S, color: '#000000' }] : []),
        { class: 'XCUIElementTypeButton', text: '不允许', bounds: box(l, buttonsTop, l + 135, buttonsTop + 45), clickable: true, color: '#007aff', textSize: 17 * S, onTap: { system: 'permission-deny' } },
        { class: 'XCUIElementTypeButton', text: '好', bounds: box(l + 135, buttonsTop, r, buttonsTop + 45), clickable: true, color: '#007aff', textSize: 17 * S, onTap: { system: 'permission-allow' } },
      ],
    };
    const dim: SimNode = { class: 'XCUIElementTypeOther', bounds: [0, 0, screen.width, screen.height], children: [alert] };
    return { pkg: SPRINGBOARD, activity: 'SBUserNotificationAlert', root: dim };
  }

  toast(text: string, screen: ScreenSize): SimNode {
    const w = screen.width / S, h = screen.height / S;
    return { class: 'XCUIElementTypeStaticText', text, bounds: box(w / 2 - 120, h / 2 - 30, w / 2 + 120, h / 2 + 30), background: '#333333', color: '#ffffff', textSize: 15 * S };
  }

  home(screen: ScreenSize, apps: { label: string; pkg: string }[]): SystemLayer {
    const icons: SimNode[] = apps.map((a, i) => {
      const x = 27 + (i % 4) * 90, y = 80 + Math.floor(i / 4) * 100;
      return { class: 'XCUIElementTypeIcon', id: a.label, text: a.label, bounds: box(x, y, x + 64, y + 84), clickable: true, background: '#1f6fb2', color: '#ffffff', textSize: 12 * S };
    });
    return { pkg: SPRINGBOARD, activity: 'SBHomeScreenViewController', root: { class: 'XCUIElementTypeOther', bounds: [0, 0, screen.width, screen.height], background: '#2c3e50', children: icons } };
  }

  blank(pkg: string, activity: string, screen: ScreenSize): SystemLayer {
    return { pkg, activity, root: { class: 'XCUIElementTypeOther', bounds: [0, 0, screen.width, screen.height], background: '#ffffff' } };
  }
}
