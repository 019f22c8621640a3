/**
 * What the explorer learned about a login wall: whether one was met, and whether the test account
 * got past it. Without an account (or with a wrong one) the reason says so; the verdict then keeps
 * what lies behind the wall inconclusive.
 */
import type { CoverageEvent } from '../evidence/types.js';

type LoginWall = NonNullable<CoverageEvent['loginWall']>;

const NO_ACCOUNT = '没有测试账号（--credentials 或设备配置的 testAccount），未能登录';

export class LoginWallTracker {
  private wall: LoginWall | undefined;

  constructor(private readonly hasAccount: boolean) {}

  /** A login screen was recorded. */
  met(screenId: string): void {
    this.wall ??= { met: true, signedIn: false, screenId };
  }

  /** The login control of `fromId` was used; `left` is true when it led to a screen that is not a login screen. */
  attempted(fromId: string, left: boolean): void {
    if (!this.wall || this.wall.signedIn) return;
    if (left) {
      this.wall = { met: true, signedIn: true, screenId: fromId };
      return;
    }
    this.wall.reason = this.hasAccount ? '测试账号登录失败：登录后仍停留在登录界面' : NO_ACCOUNT;
  }

  /** The coverage field, with a reason whenever the wall was not passed. */
  result(): LoginWall | undefined {
    if (this.wall && !this.wall.signedIn && !this.wall.reason) this.wall.reason = this.hasAccount ? '测试账号登录未完成' : NO_ACCOUNT;
    return this.wall;
  }
}
