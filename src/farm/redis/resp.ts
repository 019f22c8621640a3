/**
 * RESP2, the Redis wire protocol: encoding a command and parsing replies incrementally. Bulk strings
 * come back as UTF-8 strings (as ioredis returns them by default, which BullMQ expects).
 */

export type RespValue = string | number | null | RespValue[] | Error;

/** One command as the bytes Redis reads (`*n\r\n$len\r\narg\r\n`…); Buffers are sent as they are. */
export function encodeCommand(args: readonly (string | number | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const bytes = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'utf8');
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Incremental reply parser: feed bytes, take whole replies. */
export class RespParser {
  private buffer: Buffer = Buffer.alloc(0);

  /** Appends bytes and returns every reply now complete. */
  feed(chunk: Buffer): RespValue[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const replies: RespValue[] = [];
    for (;;) {
      const parsed = this.parse(0);
      if (!parsed) break;
      replies.push(parsed.value);
      this.buffer = this.buffer.subarray(parsed.end);
    }
    return replies;
  }

  /** Drops a partial reply (the connection was lost). */
  reset(): void {
    this.buffer = Buffer.alloc(0);
  }

  private parse(at: number): { value: RespValue; end: number } | undefined {
    const lineEnd = this.buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const type = String.fromCharCode(this.buffer[at]!);
    const line = this.buffer.toString('utf8', at + 1, lineEnd);
    const next = lineEnd + 2;
    switch (type) {
      case '+': return { value: line, end: next };
      case '-': return { value: new Error(line), end: next };
      case ':': return { value: Number(line), end: next };
      case '$': {
        const len = Number(line);
        if (len < 0) return { value: null, end: next };
        if (this.buffer.length < next + len + 2) return undefined;
        return { value: this.buffer.toString('utf8', next, next + len), end: next + len + 2 };
      }
      case '*': {
        const count = Number(line);
        if (count < 0) return { value: null, end: next };
        const items: RespValue[] = [];
        let end = next;
        for (let i = 0; i < count; i++) {
          const item = this.parse(end);
          if (!item) return undefined;
          items.push(item.value);
          end = item.end;
        }
        return { value: items, end };
      }
      default:
        throw new Error(`unexpected RESP reply type "${type}"`);
    }
  }
}
