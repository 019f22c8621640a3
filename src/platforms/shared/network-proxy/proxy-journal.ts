/**
 * Hands the capture proxy's records from the CLI process (where the proxy runs for the whole run)
 * to the worker's session: requests as JSON lines appended to a file, hosts whose TLS could not be
 * opened as a JSON file rewritten on change. The reader drains what is new since its last call.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObservedRequest } from '../../../device/device-session.js';
import { UNDECRYPTED_MARK } from '../../../checks/undecrypted-traffic.js';
import type { UndecryptedHost } from './capture-proxy.js';

const REQUESTS = 'requests.jsonl';
const UNDECRYPTED = 'undecrypted.json';

/** The writer side (CLI process). */
export class ProxyJournalWriter {
  private lastHosts = '';

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, REQUESTS), '');
  }

  requests(requests: readonly ObservedRequest[]): void {
    if (requests.length) appendFileSync(join(this.dir, REQUESTS), requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }

  /** Rewritten whole, through a rename, so a reader never sees half a file. */
  undecrypted(hosts: readonly UndecryptedHost[]): void {
    const text = JSON.stringify(hosts);
    if (text === this.lastHosts) return;
    this.lastHosts = text;
    const file = join(this.dir, UNDECRYPTED);
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }
}

/** The reader side (the worker's session): requests and newly seen undecrypted hosts since the last drain. */
export class ProxyJournalReader {
  private offset = 0;
  private partial = '';
  private readonly reported = new Map<string, number>();

  constructor(readonly dir: string, private readonly now: () => number = Date.now) {}

  drain(): ObservedRequest[] {
    return [...this.readRequests(), ...this.newUndecrypted()];
  }

  private readRequests(): ObservedRequest[] {
    const file = join(this.dir, REQUESTS);
    if (!existsSync(file)) return [];
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return [];
      const buffer = Buffer.alloc(size - this.offset);
      readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const text = this.partial + buffer.toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      return lines.filter(Boolean).map((l) => JSON.parse(l) as ObservedRequest);
    } finally {
      closeSync(fd);
    }
  }

  /** A host is reported as a CONNECT whose content was not seen, again when more connections came. */
  private newUndecrypted(): ObservedRequest[] {
    const file = join(this.dir, UNDECRYPTED);
    if (!existsSync(file)) return [];
    const hosts = JSON.parse(readFileSync(file, 'utf8')) as UndecryptedHost[];
    return hosts.filter((h) => (this.reported.get(h.host) ?? 0) < h.connections).map((h) => {
      this.reported.set(h.host, h.connections);
      return {
        requestId: `tls-${h.host}-${h.connections}`, method: 'CONNECT', url: `https://${h.host}/`, failed: true, ts: this.now(),
        errorText: `${UNDECRYPTED_MARK}：应用未信任实验室证书或做了证书锁定（${h.cause}），${h.connections} 次连接的请求内容未知`,
      };
    });
  }
}
