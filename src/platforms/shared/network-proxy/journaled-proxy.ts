/**
 * The capture proxy of a native run as the CLI side starts it: the proxy, and a journal the worker
 * reads (proxy-journal.ts), written every JOURNAL_POLL_MS; both stopped through the run's stop list
 * (the last requests are journaled before the proxy closes).
 */
import { CaptureProxy, type CaptureProxyOptions } from './capture-proxy.js';
import { ProxyJournalWriter } from './proxy-journal.js';

const JOURNAL_POLL_MS = 200;

/** Starts the proxy and its journal in `journalDir`; pushes their stops onto `stops` (run in reverse by the caller). */
export async function startJournaledProxy(options: CaptureProxyOptions, journalDir: string, stops: (() => Promise<unknown>)[]): Promise<{ proxy: CaptureProxy; journalDir: string }> {
  const proxy = await CaptureProxy.start(options);
  stops.push(() => proxy.stop());
  const journal = new ProxyJournalWriter(journalDir);
  const timer = setInterval(() => {
    journal.requests(proxy.drain());
    journal.undecrypted(proxy.undecrypted());
  }, JOURNAL_POLL_MS);
  stops.push(() => { clearInterval(timer); journal.requests(proxy.drain()); return Promise.resolve(); });
  return { proxy, journalDir: journal.dir };
}
