/**
 * One journal reader per journal in a process: every test of the worker opens its own session, and
 * they must share the read position, or each would see the whole run's requests again.
 */
import { ProxyJournalReader } from './proxy-journal.js';

const readers = new Map<string, ProxyJournalReader>();

/** The process's reader of the journal in `dir`. */
export function journalReader(dir: string): ProxyJournalReader {
  let reader = readers.get(dir);
  if (!reader) readers.set(dir, (reader = new ProxyJournalReader(dir)));
  return reader;
}
