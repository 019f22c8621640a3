import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCommand, RespParser } from '../../src/farm/redis/resp.js';

describe('RESP2', () => {
  it('encodes a command with byte lengths (UTF-8 and Buffers as they are)', () => {
    assert.equal(encodeCommand(['SET', '键', 7]).toString(), '*3\r\n$3\r\nSET\r\n$3\r\n键\r\n$1\r\n7\r\n');
    assert.deepEqual([...encodeCommand([Buffer.from([0, 255])]).subarray(8, 10)], [0, 255]);
  });

  it('parses replies split anywhere, nested arrays, nulls and errors', () => {
    const p = new RespParser();
    const wire = Buffer.from('+OK\r\n:42\r\n$-1\r\n*2\r\n$3\r\nabc\r\n*1\r\n$6\r\n批量\r\n-NOSCRIPT No matching script\r\n*-1\r\n');
    const replies = [];
    for (let i = 0; i < wire.length; i += 3) replies.push(...p.feed(wire.subarray(i, i + 3)));
    assert.equal(replies.length, 6);
    assert.deepEqual(replies.slice(0, 4), ['OK', 42, null, ['abc', ['批量']]]);
    assert.ok(replies[4] instanceof Error && replies[4].message.startsWith('NOSCRIPT'));
    assert.equal(replies[5], null);
  });
});
