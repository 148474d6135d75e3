/**
 * Reading one stream out of a Compound File Binary (OLE2) container, the box an old Excel `.xls`
 * workbook is stored in ([MS-CFB]). Only what a reader needs: the header, the FAT (with DIFAT
 * sectors for large files), the directory, the mini stream for streams under the cutoff. Every
 * chain is bounded by the file's sector count, so a damaged or hostile file ends in a CfbError,
 * never a loop or an out-of-range read.
 */

export class CfbError extends Error {}

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const DIR_ENTRY = 128;

export interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root */
  type: number;
  start: number;
  size: number;
}

export interface CompoundFile {
  entries: CfbEntry[];
  /** the bytes of a stream by name (case-insensitive), or null */
  stream(name: string): Buffer | null;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

export function readCompoundFile(bytes: Buffer): CompoundFile {
  if (bytes.length < 512 || !isCompoundFile(bytes)) throw new CfbError('not a compound (OLE2) file');
  const sectorShift = bytes.readUInt16LE(0x1e);
  const miniShift = bytes.readUInt16LE(0x20);
  if (sectorShift !== 9 && sectorShift !== 12) throw new CfbError(`unknown sector size 2^${sectorShift}`);
  if (miniShift !== 6) throw new CfbError(`unknown mini sector size 2^${miniShift}`);
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (id: number) => {
    const from = (id + 1) * sectorSize;
    if (id >= sectorCount || from + sectorSize > bytes.length + sectorSize) {
      throw new CfbError(`sector ${id} lies past the end of the file`);
    }
    return bytes.subarray(from, Math.min(from + sectorSize, bytes.length));
  };

  // The FAT's sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const id = bytes.readUInt32LE(0x4c + i * 4);
    if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
  }
  let difat = bytes.readUInt32LE(0x44);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE; hops++) {
    if (hops > sectorCount) throw new CfbError('the DIFAT chain loops');
    const sector = sectorAt(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) {
      const id = sector.readUInt32LE(i * 4);
      if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
    }
    difat = sector.readUInt32LE(perSector * 4);
  }
  if (fatSectors.length > sectorCount) throw new CfbError('more FAT sectors than the file has');
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((id, n) => {
    const sector = sectorAt(id);
    for (let i = 0; i < sectorSize / 4 && i * 4 + 4 <= sector.length; i++) {
      fat[n * (sectorSize / 4) + i] = sector.readUInt32LE(i * 4);
    }
  });

  /** The bytes of a chain of sectors in `table`, cut to `size` (unknown size: the whole chain). */
  const chain = (
    start: number,
    table: Uint32Array,
    read: (id: number) => Buffer,
    limit: number,
    size?: number,
  ): Buffer => {
    const parts: Buffer[] = [];
    let total = 0;
    for (let id = start, hops = 0; id !== END_OF_CHAIN; hops++) {
      if (hops > limit || id >= table.length) throw new CfbError(`a sector chain is broken at sector ${id}`);
      const part = read(id);
      parts.push(part);
      total += part.length;
      if (size !== undefined && total >= size) break;
      id = table[id]!;
    }
    const whole = Buffer.concat(parts);
    return size === undefined ? whole : whole.subarray(0, size);
  };

  const directory = chain(bytes.readUInt32LE(0x30), fat, sectorAt, sectorCount);
  const entries: CfbEntry[] = [];
  for (let at = 0; at + DIR_ENTRY <= directory.length; at += DIR_ENTRY) {
    const nameBytes = Math.min(64, directory.readUInt16LE(at + 64));
    const type = directory[at + 66]!;
    if (type === 0) continue;
    const name = directory
      .subarray(at, at + Math.max(0, nameBytes - 2))
      .toString('utf16le')
      .replace(/\0+$/, '');
    entries.push({
      name,
      type,
      start: directory.readUInt32LE(at + 116),
      size: directory.readUInt32LE(at + 120),
    });
  }
  const root = entries.find((e) => e.type === 5);
  const cutoff = bytes.readUInt32LE(0x38);

  let mini: { table: Uint32Array; data: Buffer } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    if (!root) throw new CfbError('the file has no root entry');
    const data = chain(root.start, fat, sectorAt, sectorCount, root.size);
    const tableBytes = chain(bytes.readUInt32LE(0x3c), fat, sectorAt, sectorCount);
    const table = new Uint32Array(Math.floor(tableBytes.length / 4));
    for (let i = 0; i < table.length; i++) table[i] = tableBytes.readUInt32LE(i * 4);
    mini = { table, data };
    return mini;
  };

  return {
    entries,
    stream(name) {
      const entry = entries.find((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase());
      if (!entry) return null;
      if (entry.size > bytes.length) throw new CfbError(`the stream ${name} is larger than the file`);
      if (entry.size >= cutoff) return chain(entry.start, fat, sectorAt, sectorCount, entry.size);
      const { table, data } = miniStream();
      const readMini = (id: number) => {
        const from = id * 64;
        if (from + 64 > data.length + 64) throw new CfbError(`mini sector ${id} lies past the mini stream`);
        return data.subarray(from, Math.min(from + 64, data.length));
      };
      return chain(entry.start, table, readMini, table.length, entry.size);
    },
  };
}
