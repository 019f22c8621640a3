/**
 * Scripts Chromium runs in every new document before the page's own (CDP
 * Page.addScriptToEvaluateOnNewDocument through Appium's route): the tap-listener recorder and the
 * dialog hook. Installed once per WebDriver session, shared by every H5Session over the same
 * browser; the dialog hook is replaced when the dismiss pattern changes. The probes add their own
 * instrumentation the same way; the scripts do not touch each other's globals.
 */
import { browserCdp, type Cdp } from './cdp.js';
import { dialogHookScript, TAP_LISTENER_RECORDER } from './page-scripts.js';

interface Installed { sessionId: string; dialog?: { id: string; pattern: string } }

const installed = new WeakMap<object, Installed>();

/** Adds the init scripts the browser's current session lacks; without DevTools (not Chromium) it leaves the page as is. */
export async function installInitScripts(browser: WebdriverIO.Browser, dismissPattern: string, cdp: Cdp = browserCdp(browser)): Promise<boolean> {
  try {
    let state = installed.get(browser);
    if (state?.sessionId !== browser.sessionId) {
      await cdp.send('Page.enable');
      await addScript(cdp, TAP_LISTENER_RECORDER);
      state = { sessionId: browser.sessionId };
      installed.set(browser, state);
    }
    if (state.dialog?.pattern !== dismissPattern) {
      // Removal may not take through chromedriver; the hook run last sets the pattern anyway.
      if (state.dialog) await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier: state.dialog.id }).catch(() => undefined);
      state.dialog = { id: await addScript(cdp, dialogHookScript(dismissPattern)), pattern: dismissPattern };
    }
    return true;
  } catch {
    // The snapshot then reports listenersObserved: false and the explorer probes instead.
    return false;
  }
}

async function addScript(cdp: Cdp, source: string): Promise<string> {
  const added = await cdp.send<{ identifier: string }>('Page.addScriptToEvaluateOnNewDocument', { source });
  return added.identifier;
}
