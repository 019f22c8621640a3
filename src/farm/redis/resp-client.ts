/**
 * A small Redis client for BullMQ (its `IRedisClient` interface) over one TCP connection. BullMQ 6
 * made ioredis an optional peer that is not installed here; this adapter, installed as BullMQ's
 * `RedisConnection.clientFactory`, speaks RESP2 itself. It reconnects with back-off (a Redis restart
 * loses nothing when Redis runs with appendonly) and queues commands while disconnected.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { encodeCommand, RespParser, type RespValue } from './resp.js';

export const CONNECTION_CLOSED = 'Connection is closed.';

type Arg = string | number | Buffer;

export interface RespClientOptions {
  host?: string;
  port?: number;
  url?: string;
  connectionName?: string;
  [key: string]: unknown;
}

interface Pending { resolve(v: RespValue): void; reject(e: Error): void }

/** `redis://host:port` → host and port. */
export function parseRedisUrl(url: string): { host: string; port: number } {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`only redis:// URLs are supported, got ${u.protocol}`);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) };
}

/** Flat `[f1, v1, f2, v2]` → `{f1: v1, f2: v2}`. */
function toObject(flat: RespValue): Record<string, string> {
  const out: Record<string, string> = {};
  const list = Array.isArray(flat) ? flat : [];
  for (let i = 0; i + 1 < list.length; i += 2) out[String(list[i])] = String(list[i + 1]);
  return out;
}

function scriptArgs(args: unknown[]): Arg[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return list.map((a) => (Buffer.isBuffer(a) ? a : a === undefined || a === null ? '' : typeof a === 'number' ? a : String(a as string)));
}

interface Script { lua: string; sha: string; numberOfKeys: number }

export class RespClient extends EventEmitter {
  status = 'wait';
  readonly isCluster = false;
  options: Record<string, unknown>;
  private socket: Socket | undefined;
  private readonly parser = new RespParser();
  private inflight: Pending[] = [];
  private offline: { bytes: Buffer; pending: Pending }[] = [];
  private readonly scripts = new Map<string, Script>();
  private closing = false;
  private attempts = 0;
  private readonly host: string;
  private readonly port: number;

  constructor(options: RespClientOptions = {}) {
    super();
    const address = options.url ? parseRedisUrl(options.url) : { host: options.host ?? '127.0.0.1', port: options.port ?? 6379 };
    this.host = address.host;
    this.port = address.port;
    this.options = { ...options, host: this.host, port: this.port, maxRetriesPerRequest: null };
  }

  /** Opens the connection; resolves once it is ready. */
  connect(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    this.closing = false;
    return new Promise((resolve, reject) => {
      this.status = 'connecting';
      const socket = connect({ host: this.host, port: this.port });
      this.socket = socket;
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.once('connect', () => {
        this.attempts = 0;
        this.status = 'connect';
        this.emit('connect');
        const name = this.options.connectionName;
        const ready = () => {
          this.status = 'ready';
          for (const { bytes, pending } of this.offline.splice(0)) this.write(bytes, pending);
          this.emit('ready');
          resolve();
        };
        if (typeof name === 'string' && name) void this.command(['CLIENT', 'SETNAME', name]).then(ready, ready);
        else ready();
      });
      socket.once('error', (error) => {
        if (this.listenerCount('error') > 0) this.emit('error', error);
        if (this.status === 'connecting') reject(error);
      });
      socket.once('close', () => this.onClose(socket));
    });
  }

  private onData(chunk: Buffer): void {
    for (const reply of this.parser.feed(chunk)) {
      const pending = this.inflight.shift();
      if (!pending) continue;
      if (reply instanceof Error) pending.reject(reply);
      else pending.resolve(reply);
    }
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    this.parser.reset();
    for (const p of this.inflight.splice(0)) p.reject(new Error(CONNECTION_CLOSED));
    this.emit('close');
    if (this.closing) {
      this.status = 'end';
      for (const { pending } of this.offline.splice(0)) pending.reject(new Error(CONNECTION_CLOSED));
      this.emit('end');
      return;
    }
    this.status = 'reconnecting';
    const delay = Math.min(100 * 2 ** this.attempts++, 2000);
    this.emit('reconnecting', delay);
    // Not unref'd: a command waiting for the connection to come back must keep the process alive.
    setTimeout(() => {
      if (this.closing) return;
      this.connect().catch(() => undefined);
    }, delay);
  }

  private write(bytes: Buffer, pending: Pending): void {
    this.inflight.push(pending);
    this.socket!.write(bytes);
  }

  /** Sends one command; while disconnected it waits for the connection to come back. */
  command(args: readonly Arg[]): Promise<RespValue> {
    return new Promise((resolve, reject) => {
      const bytes = encodeCommand(args);
      const pending = { resolve, reject };
      if (this.status === 'end') reject(new Error(CONNECTION_CLOSED));
      else if (this.status === 'ready' || (this.status === 'connect' && args[0] === 'CLIENT')) this.write(bytes, pending);
      else {
        this.offline.push({ bytes, pending });
        if (this.status === 'wait') this.connect().catch(() => undefined);
      }
    });
  }

  disconnect(reconnect = false): void {
    this.closing = !reconnect;
    if (!reconnect && this.status === 'wait') this.status = 'end';
    this.socket?.destroy();
  }

  async quit(): Promise<string> {
    this.closing = true;
    if (this.status !== 'ready') {
      this.disconnect();
      return 'OK';
    }
    const reply = await this.command(['QUIT']).catch(() => 'OK');
    this.socket?.end();
    return String(reply);
  }

  duplicate(overrides: RespClientOptions = {}): RespClient {
    const copy = new RespClient({ ...this.options, ...overrides });
    for (const [name, s] of this.scripts) copy.defineCommand(name, { numberOfKeys: s.numberOfKeys, lua: s.lua });
    return copy;
  }

  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    const sha = createHash('sha1').update(definition.lua).digest('hex');
    this.scripts.set(name, { ...definition, sha });
    // BullMQ checks `client[name]` to know a script is defined (as ioredis exposes it).
    (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => this.runCommand(name, args);
  }

  async runCommand(name: string, args: unknown[]): Promise<unknown> {
    const script = this.scripts.get(name);
    if (!script) throw new Error(`BullMQ: unknown command "${name}"`);
    const argv = scriptArgs(args);
    try {
      return await this.command(['EVALSHA', script.sha, script.numberOfKeys, ...argv]);
    } catch (error) {
      if (!(error as Error).message.startsWith('NOSCRIPT')) throw error;
      return this.command(['EVAL', script.lua, script.numberOfKeys, ...argv]);
    }
  }

  multi(): RespTransaction {
    return new RespTransaction(this, this.scripts, true);
  }

  pipeline(): RespTransaction {
    return new RespTransaction(this, this.scripts, false);
  }

  async hgetall(key: string): Promise<Record<string, string>> { return toObject(await this.command(['HGETALL', key])); }
  async hget(key: string, field: string): Promise<string | null> { return (await this.command(['HGET', key, field])) as string | null; }
  async hmget(key: string, ...fields: string[]): Promise<(string | null)[]> { return (await this.command(['HMGET', key, ...fields])) as (string | null)[]; }
  async hset(key: string, data: Record<string, string | number>): Promise<number> { return (await this.command(['HSET', key, ...Object.entries(data).flat()])) as number; }
  async hdel(key: string, ...fields: string[]): Promise<number> { return (await this.command(['HDEL', key, ...fields])) as number; }
  async hexists(key: string, field: string): Promise<number> { return (await this.command(['HEXISTS', key, field])) as number; }
  async get(key: string): Promise<string | null> { return (await this.command(['GET', key])) as string | null; }
  async set(key: string, value: string | number, options: { PX?: number; EX?: number } = {}): Promise<string | null> {
    const extra: Arg[] = options.PX !== undefined ? ['PX', options.PX] : options.EX !== undefined ? ['EX', options.EX] : [];
    return (await this.command(['SET', key, value, ...extra])) as string | null;
  }
  async del(...keys: string[]): Promise<number> { return keys.length ? ((await this.command(['DEL', ...keys])) as number) : 0; }
  async zrange(key: string, start: number, end: number, options: { WITHSCORES?: boolean } = {}): Promise<string[]> { return (await this.command(['ZRANGE', key, start, end, ...(options.WITHSCORES ? ['WITHSCORES'] : [])])) as string[]; }
  async zrevrange(key: string, start: number, end: number, options: { WITHSCORES?: boolean } = {}): Promise<string[]> { return (await this.command(['ZREVRANGE', key, start, end, ...(options.WITHSCORES ? ['WITHSCORES'] : [])])) as string[]; }
  async zcard(key: string): Promise<number> { return (await this.command(['ZCARD', key])) as number; }
  async zscore(key: string, member: string): Promise<string | null> { return (await this.command(['ZSCORE', key, member])) as string | null; }
  async lrange(key: string, start: number, end: number): Promise<string[]> { return (await this.command(['LRANGE', key, start, end])) as string[]; }
  async llen(key: string): Promise<number> { return (await this.command(['LLEN', key])) as number; }
  async ltrim(key: string, start: number, end: number): Promise<string> { return (await this.command(['LTRIM', key, start, end])) as string; }
  async lpos(key: string, value: string): Promise<number | null> { return (await this.command(['LPOS', key, value])) as number | null; }
  async smembers(key: string): Promise<string[]> { return (await this.command(['SMEMBERS', key])) as string[]; }
  async xadd(key: string, id: string, fields: Record<string, string | number>, options: { MAXLEN?: number; approximate?: boolean } = {}): Promise<string> {
    const trim: Arg[] = options.MAXLEN !== undefined ? ['MAXLEN', ...(options.approximate ? ['~'] : []), options.MAXLEN] : [];
    return (await this.command(['XADD', key, ...trim, id, ...Object.entries(fields).flat()])) as string;
  }
  async xread(streams: { key: string; id: string }[], options: { BLOCK?: number; COUNT?: number } = {}): Promise<unknown> {
    const head: Arg[] = ['XREAD', ...(options.COUNT !== undefined ? ['COUNT', options.COUNT] : []), ...(options.BLOCK !== undefined ? ['BLOCK', options.BLOCK] : [])];
    return this.command([...head, 'STREAMS', ...streams.map((s) => s.key), ...streams.map((s) => s.id)]);
  }
  async xtrim(key: string, strategy: 'MAXLEN', threshold: number, options: { approximate?: boolean } = {}): Promise<number> {
    return (await this.command(['XTRIM', key, strategy, ...(options.approximate ? ['~'] : []), threshold])) as number;
  }
  async bzpopmin(key: string, timeout: number): Promise<[string, string, string] | null> { return (await this.command(['BZPOPMIN', key, timeout])) as [string, string, string] | null; }
  async info(): Promise<string> { return (await this.command(['INFO'])) as string; }
  clientSetName(name: string): Promise<unknown> { return this.command(['CLIENT', 'SETNAME', name]); }
  async clientList(): Promise<string> { return (await this.command(['CLIENT', 'LIST'])) as string; }
  async clientInfo(): Promise<string> { return (await this.command(['CLIENT', 'INFO'])) as string; }
  async scan(cursor: string | number, options: { MATCH?: string; COUNT?: number } = {}): Promise<[string, string[]]> {
    return (await this.command(['SCAN', cursor, ...(options.MATCH ? ['MATCH', options.MATCH] : []), ...(options.COUNT ? ['COUNT', options.COUNT] : [])])) as [string, string[]];
  }
  scanStream(options: { match: string; count?: number }): Readable {
    let cursor = '0';
    let first = true;
    const readable: Readable = new Readable({
      objectMode: true,
      read: () => {
        if (!first && cursor === '0') return void readable.push(null);
        first = false;
        this.scan(cursor, { MATCH: options.match, ...(options.count ? { COUNT: options.count } : {}) }).then(([next, keys]) => {
          cursor = next;
          readable.push(keys);
          if (next === '0') readable.push(null);
        }, (error: Error) => readable.destroy(error));
      },
    });
    return readable;
  }
}

/** MULTI (atomic) or a pipeline: commands queued, sent together, results as `[error, value]` pairs. */
export class RespTransaction {
  private readonly queued: { args: Arg[]; map?: (v: RespValue) => unknown }[] = [];

  constructor(private readonly client: RespClient, private readonly scripts: Map<string, Script>, private readonly atomic: boolean) {}

  private add(args: Arg[], map?: (v: RespValue) => unknown): this {
    this.queued.push(map ? { args, map } : { args });
    return this;
  }

  hgetall(key: string): this { return this.add(['HGETALL', key], toObject); }
  hset(key: string, data: Record<string, string | number>): this { return this.add(['HSET', key, ...Object.entries(data).flat()]); }
  hscan(key: string, cursor: string | number, options: { COUNT?: number } = {}): this { return this.add(['HSCAN', key, cursor, ...(options.COUNT ? ['COUNT', options.COUNT] : [])]); }
  smembers(key: string): this { return this.add(['SMEMBERS', key]); }
  sscan(key: string, cursor: string | number, options: { COUNT?: number } = {}): this { return this.add(['SSCAN', key, cursor, ...(options.COUNT ? ['COUNT', options.COUNT] : [])]); }
  zrange(key: string, start: number, end: number): this { return this.add(['ZRANGE', key, start, end]); }
  lrange(key: string, start: number, end: number): this { return this.add(['LRANGE', key, start, end]); }
  llen(key: string): this { return this.add(['LLEN', key]); }
  del(...keys: string[]): this { return this.add(['DEL', ...keys]); }
  runCommand(name: string, args: unknown[]): this {
    const script = this.scripts.get(name);
    if (!script) throw new Error(`BullMQ: unknown command "${name}"`);
    // EVAL, not EVALSHA: a NOSCRIPT inside MULTI could not be retried.
    return this.add(['EVAL', script.lua, script.numberOfKeys, ...scriptArgs(args)]);
  }

  async exec(): Promise<[Error | null, unknown][] | null> {
    if (this.queued.length === 0) return [];
    if (!this.atomic) {
      const settled = await Promise.allSettled(this.queued.map((q) => this.client.command(q.args)));
      return settled.map((s, i) => (s.status === 'fulfilled' ? [null, this.queued[i]!.map ? this.queued[i]!.map(s.value) : s.value] : [s.reason as Error, null]));
    }
    const sent = [this.client.command(['MULTI']), ...this.queued.map((q) => this.client.command(q.args)), this.client.command(['EXEC'])];
    const settled = await Promise.allSettled(sent);
    const exec = settled.at(-1)!;
    if (exec.status === 'rejected') throw exec.reason as Error;
    if (exec.value === null) return null;
    const values = exec.value as RespValue[];
    return values.map((v, i) => (v instanceof Error ? [v, null] : [null, this.queued[i]!.map ? this.queued[i]!.map(v) : v]));
  }
}
