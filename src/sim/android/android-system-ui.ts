/**
 * Android's own surfaces over apps: the runtime permission dialog of com.android.permissioncontroller (its
 * real resource ids: grant_dialog, permission_message, permission_allow_button, permission_deny_button), a
 * toast, the launcher. Texts are those of a zh-CN Android 13 phone.
 */
import type { SimNode } from '../engine/app-model.js';
import type { ScreenSize, SystemLayer, SystemUi } from '../engine/system-ui.js';

const PERMISSION_CONTROLLER = 'com.android.permissioncontroller';
const LAUNCHER = 'com.google.android.apps.nexuslauncher';

/** What each dangerous permission lets the app do, as the dialog asks it. */
const PERMISSION_ASK: Record<string, string> = {
  'android.permission.CAMERA': '拍摄照片和录制视频',
  'android.permission.ACCESS_FINE_LOCATION': '获取此设备的位置信息',
  'android.permission.ACCESS_COARSE_LOCATION': '获取此设备的大致位置信息',
  'android.permission.RECORD_AUDIO': '录制音频',
  'android.permission.READ_CONTACTS': '访问您的通讯录',
  'android.permission.READ_PHONE_STATE': '拨打电话和管理通话',
  'android.permission.CALL_PHONE': '拨打电话和管理通话',
  'android.permission.READ_EXTERNAL_STORAGE': '访问您设备上的照片、媒体内容和文件',
  'android.permission.WRITE_EXTERNAL_STORAGE': '访问您设备上的照片、媒体内容和文件',
  'android.permission.READ_MEDIA_IMAGES': '访问此设备上的照片和视频',
  'android.permission.POST_NOTIFICATIONS': '向您发送通知',
  'android.permission.SEND_SMS': '发送和查看短信',
  'android.permission.READ_SMS': '发送和查看短信',
};

function node(cls: string, bounds: SimNode['bounds'], extra: Partial<SimNode> = {}): SimNode {
  return { class: cls, bounds, ...extra };
}

function permissionDialog(appLabel: string, permission: string, screen: ScreenSize): SystemLayer {
  const id = (name: string): string => `${PERMISSION_CONTROLLER}:id/${name}`;
  const what = PERMISSION_ASK[permission] ?? `使用权限 ${permission.split('.').pop() ?? permission}`;
  const w = screen.width;
  const top = Math.round(screen.height * 0.36);
  const button = (name: string, text: string, y: number, system: 'permission-allow' | 'permission-deny'): SimNode =>
    node('android.widget.Button', [96, y, w - 96, y + 132], { id: id(name), text, clickable: true, background: '#e8eaf6', color: '#1a237e', textSize: 44, onTap: { system } });
  const dialog = node('android.widget.LinearLayout', [48, top, w - 48, top + 760], {
    id: id('grant_dialog'), background: '#ffffff',
    children: [
      node('android.widget.ImageView', [w / 2 - 48, top + 48, w / 2 + 48, top + 144], { id: id('permission_icon'), background: '#3949ab' }),
      node('android.widget.TextView', [96, top + 176, w - 96, top + 376], { id: id('permission_message'), text: `要允许“${appLabel}”${what}吗？`, textSize: 52, color: '#202124' }),
      button('permission_allow_button', '允许', top + 420, 'permission-allow'),
      button('permission_deny_button', '不允许', top + 580, 'permission-deny'),
    ],
  });
  const root = node('android.widget.FrameLayout', [0, 0, w, screen.height], { background: '#5f6368', children: [dialog] });
  return { pkg: PERMISSION_CONTROLLER, activity: `${PERMISSION_CONTROLLER}.permission.ui.GrantPermissionsActivity`, root };
}

function toast(text: string, screen: ScreenSize): SimNode {
  const w = Math.min(screen.width - 160, 80 + text.length * 44);
  const l = Math.round((screen.width - w) / 2);
  return node('android.widget.Toast', [l, screen.height - 360, l + w, screen.height - 240], { text, background: '#323232', color: '#ffffff', textSize: 40 });
}

function home(screen: ScreenSize, apps: { label: string; pkg: string }[]): SystemLayer {
  const cell = Math.floor(screen.width / 4);
  const icons = apps.map((app, i) => {
    const x = (i % 4) * cell;
    const y = 300 + Math.floor(i / 4) * 300;
    return node('android.widget.TextView', [x, y, x + cell, y + 260], { text: app.label, desc: app.label, clickable: true, color: '#ffffff', textSize: 36 });
  });
  const root = node('android.widget.FrameLayout', [0, 0, screen.width, screen.height], {
    background: '#1b3a4b',
    children: [node('android.view.View', [0, 0, screen.width, screen.height], { id: `${LAUNCHER}:id/workspace`, children: icons })],
  });
  return { pkg: LAUNCHER, activity: `${LAUNCHER}.NexusLauncherActivity`, root };
}

function blank(pkg: string, activity: string, screen: ScreenSize): SystemLayer {
  return { pkg, activity, root: node('android.widget.FrameLayout', [0, 0, screen.width, screen.height], { background: '#ffffff' }) };
}

export const androidSystemUi: SystemUi = { permissionDialog, toast, home, blank };
