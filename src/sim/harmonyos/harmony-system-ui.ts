/**
 * HarmonyOS's own surfaces over apps: the permission request dialog of com.ohos.permissionmanager, a
 * toast, the desktop of com.ohos.sceneboard. Nodes carry ArkUI component types (Column, Text, Button),
 * which the layout dump reports as `type`. Texts are those of a zh-CN HarmonyOS NEXT phone.
 */
import type { SimNode } from '../engine/app-model.js';
import type { ScreenSize, SystemLayer, SystemUi } from '../engine/system-ui.js';

export const PERMISSION_MANAGER = 'com.ohos.permissionmanager';
export const SCENEBOARD = 'com.ohos.sceneboard';

/** What each user_grant permission lets the app do, as the dialog asks it. */
const PERMISSION_ASK: Record<string, string> = {
  'ohos.permission.LOCATION': '获取您的位置信息',
  'ohos.permission.APPROXIMATELY_LOCATION': '获取您的大致位置信息',
  'ohos.permission.CAMERA': '使用相机',
  'ohos.permission.MICROPHONE': '使用麦克风',
  'ohos.permission.READ_CONTACTS': '读取通讯录',
  'ohos.permission.ACTIVITY_MOTION': '获取您的运动状态',
  'ohos.permission.READ_IMAGEVIDEO': '访问图片和视频',
  'ohos.permission.APP_TRACKING_CONSENT': '跟踪您在其他公司的应用和网站上的活动',
};

function node(type: string, bounds: SimNode['bounds'], extra: Partial<SimNode> = {}): SimNode {
  return { class: type, bounds, ...extra };
}

function permissionDialog(appLabel: string, permission: string, screen: ScreenSize): SystemLayer {
  const what = PERMISSION_ASK[permission] ?? `使用权限 ${permission.split('.').pop() ?? permission}`;
  const w = screen.width;
  const top = screen.height - 900;
  const button = (text: string, l: number, r: number, system: 'permission-allow' | 'permission-deny'): SimNode =>
    node('Button', [l, top + 600, r, top + 740], { text, clickable: true, background: '#ffffff', color: '#0a59f7', textSize: 44, onTap: { system } });
  const dialog = node('Column', [48, top, w - 48, top + 800], {
    background: '#ffffff',
    children: [
      node('Image', [w / 2 - 48, top + 48, w / 2 + 48, top + 144], { background: '#0a59f7' }),
      node('Text', [96, top + 180, w - 96, top + 300], { text: `是否允许“${appLabel}”${what}？`, textSize: 48, color: '#182431' }),
      node('Text', [96, top + 320, w - 96, top + 560], { text: '仅在使用该应用期间', textSize: 38, color: '#6b7280' }),
      button('禁止', 96, w / 2 - 24, 'permission-deny'),
      button('允许', w / 2 + 24, w - 96, 'permission-allow'),
    ],
  });
  const root = node('Stack', [0, 0, w, screen.height], { background: '#5f6368', children: [dialog] });
  return { pkg: PERMISSION_MANAGER, activity: 'pages/dialogPlus', root };
}

function toast(text: string, screen: ScreenSize): SimNode {
  const w = Math.min(screen.width - 160, 80 + text.length * 44);
  const l = Math.round((screen.width - w) / 2);
  return node('Text', [l, screen.height - 360, l + w, screen.height - 240], { text, background: '#333333', color: '#ffffff', textSize: 40 });
}

function home(screen: ScreenSize, apps: { label: string; pkg: string }[]): SystemLayer {
  const cell = Math.floor(screen.width / 4);
  const icons = apps.map((app, i) => {
    const x = (i % 4) * cell;
    const y = 300 + Math.floor(i / 4) * 300;
    return node('Column', [x, y, x + cell, y + 260], { text: app.label, desc: app.label, clickable: true, color: '#ffffff', textSize: 36 });
  });
  const root = node('Stack', [0, 0, screen.width, screen.height], { background: '#1b3a4b', children: [node('Grid', [0, 0, screen.width, screen.height], { children: icons })] });
  return { pkg: SCENEBOARD, activity: 'pages/Index', root };
}

function blank(pkg: string, activity: string, screen: ScreenSize): SystemLayer {
  return { pkg, activity, root: node('Stack', [0, 0, screen.width, screen.height], { background: '#ffffff' }) };
}

export const harmonySystemUi: SystemUi = { permissionDialog, toast, home, blank };
