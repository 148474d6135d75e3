/**
 * A small zip writer (deflate, UTF-8 names, no zip64) for the CSV bundle: a month's tables are a
 * few hundred kilobytes, so the archive is built in memory. The tests' hand-made workbooks are
 * written with it too (test/fixtures/write-zip.ts).
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** MS-DOS date and time of a local wall-clock instant (the zip format's only timestamp). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Where each entry's compressed data starts in the archive (the tests corrupt it there). */
export type DataOffsets = Map<string, { start: number; length: number }>;

export function zip(entries: readonly ZipEntry[], modified: Date): Buffer {
  return zipWithOffsets(entries, modified).bytes;
}

export function zipWithOffsets(
  entries: readonly ZipEntry[],
  modified: Date,
): { bytes: Buffer; offsets: DataOffsets } {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: DataOffsets = new Map();
  const stamp = dosDateTime(modified);
  let offset = 0;
  for (const entry of entries) {
    const compressed = zlib.deflateRawSync(entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(stamp.time, 12);
    header.writeUInt16LE(stamp.date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, compressed);
    central.push(header, name);
    offsets.set(entry.name, { start: offset + local.length + name.length, length: compressed.length });
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return { bytes: Buffer.concat([...chunks, directory, end]), offsets };
}
