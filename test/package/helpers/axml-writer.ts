/** A tiny Android binary XML writer (UTF-16 string pool, elements without attributes) for hostile-input tests. */

/** Writes a binary XML document whose root is `manifest` with `depth` nested `node` elements inside. */
export function buildNestedBinaryXml(depth: number): Buffer {
  const strings = ['manifest', 'node'];
  const pool = stringPool(strings);
  const chunks: Buffer[] = [pool];
  const names = [0, ...Array.from({ length: depth }, () => 1)];
  for (const name of names) chunks.push(element(0x0102, name));
  for (const name of [...names].reverse()) chunks.push(element(0x0103, name));
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(8);
  header.writeUInt16LE(0x0003, 0);
  header.writeUInt16LE(8, 2);
  header.writeUInt32LE(8 + body.length, 4);
  return Buffer.concat([header, body]);
}

function stringPool(strings: string[]): Buffer {
  const data = Buffer.concat(strings.map((s) => {
    const b = Buffer.alloc(2 + s.length * 2 + 2);
    b.writeUInt16LE(s.length, 0);
    b.write(s, 2, 'utf16le');
    return b;
  }));
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  const offsets = Buffer.alloc(4 * strings.length);
  let at = 0;
  strings.forEach((s, i) => {
    offsets.writeUInt32LE(at, i * 4);
    at += 2 + s.length * 2 + 2;
  });
  const header = Buffer.alloc(28);
  header.writeUInt16LE(0x0001, 0);
  header.writeUInt16LE(28, 2);
  header.writeUInt32LE(28 + offsets.length + padded.length, 4);
  header.writeUInt32LE(strings.length, 8);
  header.writeUInt32LE(28 + offsets.length, 20);
  return Buffer.concat([header, offsets, padded]);
}

function element(type: number, name: number): Buffer {
  const size = type === 0x0102 ? 36 : 24;
  const b = Buffer.alloc(size);
  b.writeUInt16LE(type, 0);
  b.writeUInt16LE(16, 2);
  b.writeUInt32LE(size, 4);
  b.writeUInt32LE(1, 8);
  b.writeUInt32LE(0xffffffff, 12);
  b.writeUInt32LE(0xffffffff, 16);
  b.writeUInt32LE(name, 20);
  if (type === 0x0102) {
    b.writeUInt16LE(20, 24);
    b.writeUInt16LE(20, 26);
  }
  return b;
}
