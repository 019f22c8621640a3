/**
 * A DeviceSession for unit tests that need a few methods only: the given ones, every other method
 * rejects (a test that reaches it fails loudly), and `can` says what the stub offers.
 */
import { CapabilityMissingError, NO_CAPABILITIES, type DeviceSession, type SessionCapabilities } from '../../src/device/device-session.js';

export type SessionStub = Partial<Omit<DeviceSession, 'can' | 'platform'>> & { can?: Partial<SessionCapabilities> };

/** A session of the H5 platform from the given methods; `can` defaults to text entry and clearing data when those methods are given. */
export function sessionStub<T extends SessionStub>(methods: T): DeviceSession & Omit<T, 'can'> {
  const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used by this test`));
  const can: SessionCapabilities = {
    ...NO_CAPABILITIES,
    networkObserved: methods.drainNetwork !== undefined,
    logs: methods.drainLogs !== undefined,
    textEntry: methods.typeText !== undefined,
    clearData: methods.clearAppData !== undefined,
    ...methods.can,
  };
  const base: DeviceSession = {
    platform: 'h5', can,
    launch: unused('launch'), observe: unused('observe'), snapshot: unused('snapshot'), screenshot: unused('screenshot'), tap: unused('tap'), back: unused('back'),
    settle: () => Promise.resolve(), drainNetwork: unused('drainNetwork'), drainLogs: unused('drainLogs'),
    typeText: unused('typeText'), selectOption: unused('selectOption'), scroll: unused('scroll'), clearAppData: unused('clearAppData'),
    setDialogPolicy: () => { throw new CapabilityMissingError('h5', 'dialogs'); }, relaunchAfterCrash: unused('relaunchAfterCrash'),
  };
  const rest: Omit<T, 'can'> & { can?: unknown } = { ...methods };
  delete rest.can;
  const session: DeviceSession & Omit<T, 'can'> = Object.assign(base, rest);
  if (!methods.observe && methods.snapshot) session.observe = async () => { await session.settle(); return session.snapshot(); };
  return session;
}
