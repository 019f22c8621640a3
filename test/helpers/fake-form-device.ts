/**
 * A fake device for the explorer's forms, login, lists and scrolling: a login wall (account +
 * password + 登录) in front of a home screen with a six-row list (every row opens one detail
 * screen), a feed that grows by five rows per scroll for ever, and a profile form that only a
 * valid phone number gets through; an outbound link to another site. Requests echo what was typed,
 * as a login POST would.
 */
import { CapabilityMissingError, NO_CAPABILITIES, type DeviceSession, type ObservedLog, type ObservedRequest, type UiSnapshot } from '../../src/device/device-session.js';
import { h5ScreenKey } from '../../src/platforms/h5/screen-key.js';
import type { UiNode } from '../../src/evidence/types.js';
import { TINY_PNG } from './fake-device.js';

export const ACCOUNT = { username: 'lab-tester', password: 'S3cret-Pass!' };

type Screen = 'login' | 'home' | 'detail' | 'feed' | 'profile' | 'saved' | 'external';

export class FakeFormDevice implements DeviceSession {
  readonly platform = 'h5' as const;
  readonly can = { ...NO_CAPABILITIES, networkObserved: true, logs: true, textEntry: true, scroll: true };
  readonly taps: string[] = [];
  scrolls = 0;
  private history: Screen[] = [];
  private signedIn = false;
  private values = new Map<string, string>();
  private feedRows = 5;
  private network: ObservedRequest[] = [];

  /** `accountLabel`: the login box's account field label (an app may ask for 身份证号). */
  constructor(private readonly accountLabel = '账号') {}

  launch(): Promise<void> {
    this.signedIn = false;
    this.history = ['login'];
    this.values.clear();
    this.feedRows = 5;
    return Promise.resolve();
  }

  private get screen(): Screen {
    return this.history[this.history.length - 1] ?? 'login';
  }

  snapshot(): Promise<UiSnapshot> {
    const nodes: UiNode[] = [];
    const add = (role: string, text: string, extra: Partial<UiNode> = {}, parent: number | null = 0): void => {
      nodes.push({ id: nodes.length, parent: nodes.length === 0 ? null : parent, role, text, fullText: text, bounds: { x: 0, y: nodes.length * 40, width: 400, height: 40 }, clickable: false, editable: false, scrollable: false, platform: 'h5', ...extra });
    };
    add('body', '');
    const title = { login: '登录', home: '首页', detail: '详情', feed: '资讯', profile: '个人资料', saved: '保存成功', external: '中国政府网' }[this.screen];
    add('h1', title);
    const tap = (text: string, locator: string): void => add('button', text, { clickable: true, locator });
    const input = (label: string, locator: string, inputType: string): void => add('input', '', { editable: true, clickable: true, label, inputType, locator });
    switch (this.screen) {
      case 'login':
        input(this.accountLabel, '#user', 'text');
        input('密码', '#pass', 'password');
        tap('登录', '#login');
        add('p', this.values.size > 0 && !this.signedIn ? '账号或密码错误' : '');
        break;
      case 'home':
        add('div', '', {}, 0);
        for (let i = 0; i < 10; i++) add('div', `事项 ${String.fromCharCode(0x4e00 + i * 7)}`, { clickable: true, locator: `#row${i}`, role: 'div' }, 2);
        tap('资讯', '#feed');
        tap('个人资料', '#profile');
        tap('中国政府网', '#gov-portal');
        break;
      case 'external':
        tap('国务院', '#portal-link');
        break;
      case 'feed':
        add('div', '', {}, 0);
        for (let i = 0; i < this.feedRows; i++) add('div', `新闻 ${String.fromCharCode(0x4e00 + i * 13)}`, { clickable: true, locator: `#news${i}` }, 2);
        break;
      case 'profile':
        input('姓名', '#name', 'text');
        input('手机号', '#phone', 'tel');
        tap('保存', '#save');
        break;
      default:
        break;
    }
    const url = this.screen === 'external' ? 'https://www.gov.cn/' : `https://fake.gov.cn/#/${this.screen}`;
    return Promise.resolve({
      screenKey: h5ScreenKey(url), url, title, visibleText: nodes.map((n) => n.text).join(' '),
      viewport: { width: 400, height: 800, devicePixelRatio: 2 }, nodes, canScroll: this.screen === 'feed', listenersObserved: true,
    });
  }

  typeText(locator: string, text: string): Promise<void> {
    this.values.set(locator, text);
    return Promise.resolve();
  }

  scroll(): Promise<void> {
    this.scrolls++;
    if (this.screen === 'feed') this.feedRows += 5;
    return Promise.resolve();
  }

  tap(locator: string): Promise<void> {
    this.taps.push(locator);
    const go = (s: Screen): void => { this.history.push(s); };
    switch (this.screen) {
      case 'login':
        if (locator !== '#login') throw new Error(`no such element ${locator}`);
        this.network.push({ requestId: `r${this.network.length}`, method: 'POST', url: 'https://fake.gov.cn/api/login', postData: JSON.stringify({ u: this.values.get('#user'), p: this.values.get('#pass') }), ts: 1 });
        if (this.values.get('#user') === ACCOUNT.username && this.values.get('#pass') === ACCOUNT.password) { this.signedIn = true; go('home'); }
        return Promise.resolve();
      case 'home':
        if (locator.startsWith('#row')) go('detail');
        else if (locator === '#feed') go('feed');
        else if (locator === '#profile') go('profile');
        else if (locator === '#gov-portal') go('external');
        else throw new Error(`no such element ${locator}`);
        return Promise.resolve();
      case 'feed':
        if (!/^#news\d+$/.test(locator) || Number(locator.slice(5)) >= this.feedRows) throw new Error(`no such element ${locator}`);
        go('detail');
        return Promise.resolve();
      case 'profile':
        if (locator === '#save' && /^1\d{10}$/.test(this.values.get('#phone') ?? '') && this.values.get('#name')) go('saved');
        return Promise.resolve();
      default:
        throw new Error(`no such element ${locator}`);
    }
  }

  back(): Promise<void> {
    if (this.history.length > 1) this.history.pop();
    return Promise.resolve();
  }

  screenshot(): Promise<Buffer> { return Promise.resolve(TINY_PNG); }
  settle(): Promise<void> { return Promise.resolve(); }
  drainNetwork(): Promise<ObservedRequest[]> { const n = this.network; this.network = []; return Promise.resolve(n); }
  drainLogs(): Promise<ObservedLog[]> { return Promise.resolve([]); }
  observe(): Promise<UiSnapshot> { return this.snapshot(); }
  selectOption(): Promise<void> { throw new Error('the fake app has no selects'); }
  clearAppData(): Promise<void> { throw new CapabilityMissingError(this.platform, 'clearData'); }
  setDialogPolicy(): void { throw new CapabilityMissingError(this.platform, 'dialogs'); }
  relaunchAfterCrash(): Promise<void> { throw new CapabilityMissingError(this.platform, 'relaunchAfterCrash'); }
}
