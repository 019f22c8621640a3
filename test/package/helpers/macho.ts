/** A minimal 64-bit Mach-O image with one __TEXT,__cstring section, for iOS fixtures. */

/** Builds a Mach-O whose __cstring section holds the given literals. */
export function buildMachO(literals: string[]): Buffer {
  const cstrings = Buffer.concat(literals.map((l) => Buffer.from(`${l}\0`, 'utf8')));
  const header = Buffer.alloc(32);
  header.writeUInt32LE(0xfeedfacf, 0);
  header.writeUInt32LE(0x0100000c, 4); // CPU_TYPE_ARM64
  header.writeUInt32LE(2, 12); // MH_EXECUTE
  header.writeUInt32LE(1, 16);
  header.writeUInt32LE(72 + 80, 20);
  const segment = Buffer.alloc(72 + 80);
  segment.writeUInt32LE(0x19, 0);
  segment.writeUInt32LE(segment.length, 4);
  segment.write('__TEXT', 8, 'latin1');
  segment.writeUInt32LE(1, 64);
  const dataOffset = header.length + segment.length;
  segment.write('__cstring', 72, 'latin1');
  segment.write('__TEXT', 72 + 16, 'latin1');
  segment.writeBigUInt64LE(BigInt(cstrings.length), 72 + 40);
  segment.writeUInt32LE(dataOffset, 72 + 48);
  return Buffer.concat([header, segment, cstrings]);
}
