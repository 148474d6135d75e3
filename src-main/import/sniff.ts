/**
 * Guessing how a text file is written before parsing it: the encoding and the delimiter.
 *
 * Encoding, in order: a BOM; UTF-16 without BOM (NUL bytes in every other position); a strict
 * UTF-8 decode of the first 64 KB; GB18030 (what Excel on Chinese Windows writes) when nearly all
 * of its multi-byte sequences are valid — a few stray bytes in a name field are replaced and
 * reported, not a reason to guess another encoding; else chardet's best guess among the
 * encodings iconv-lite decodes. chardet alone mislabels short GBK samples (all candidates score
 * 10), which is why it only decides when GB18030 clearly does not fit.
 */
import fs from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Sniffed {
  /** an encoding name iconv-lite knows (`utf-8`, `utf-16le`, `gb18030`, `windows-1252`…) */
  encoding: string;
  hasBom: boolean;
  delimiter: string;
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';', '|'] as const;
/** GB18030 fits when fewer than this share of its characters come out as replacements. */
const MAX_REPLACED_SHARE = 0.02;

function nulShare(sample: Uint8Array, parity: 0 | 1): number {
  let nuls = 0;
  let total = 0;
  for (let i = parity; i < sample.length; i += 2) {
    total++;
    if (sample[i] === 0) nuls++;
  }
  return total === 0 ? 0 : nuls / total;
}

function gb18030Fits(sample: Uint8Array): boolean {
  const text = new TextDecoder('gb18030').decode(sample, { stream: true });
  let wide = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') replaced++;
    else if (ch.charCodeAt(0) > 0x7f) wide++;
  }
  return replaced === 0 || replaced / (wide + replaced) < MAX_REPLACED_SHARE;
}

export function detectEncoding(sample: Uint8Array): { encoding: string; hasBom: boolean } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', hasBom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', hasBom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', hasBom: true };
  if (nulShare(sample, 1) > 0.3 && nulShare(sample, 0) < 0.05) return { encoding: 'utf-16le', hasBom: false };
  if (nulShare(sample, 0) > 0.3 && nulShare(sample, 1) < 0.05) return { encoding: 'utf-16be', hasBom: false };
  try {
    // stream: true so a character cut at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', hasBom: false };
  } catch {
    // not UTF-8: go on
  }
  if (gb18030Fits(sample)) return { encoding: 'gb18030', hasBom: false };
  const guess = chardet.analyse(sample).find((c) => iconv.encodingExists(c.name));
  return { encoding: guess ? guess.name.toLowerCase() : 'gb18030', hasBom: false };
}

/**
 * A streaming decoder for the sniffed encoding; invalid bytes become U+FFFD, a BOM is dropped.
 * NUL characters are dropped: they mean nothing in an export (spreadsheets show nothing for them),
 * and PostgreSQL's text cannot hold one while SQLite's can, so a damaged file reads the same into
 * either engine.
 */
export function createTextDecoder(encoding: string): { write(chunk: Buffer): string; end(): string } {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    // Node's own decoders are the fastest for the common case.
    const decoder = new TextDecoder(encoding);
    return {
      write: (chunk) => withoutNul(decoder.decode(chunk, { stream: true })),
      end: () => withoutNul(decoder.decode()),
    };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (chunk) => withoutNul(decoder.write(chunk)), end: () => withoutNul(decoder.end() ?? '') };
}

function withoutNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n|\r/).slice(0, 21);
  if (lines.length > 1) lines.pop(); // the last line of a sample may be cut short
  const useful = lines.filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = useful.map((l) => countOutsideQuotes(l, d));
    const min = Math.min(...counts);
    const consistent = counts.every((c) => c === counts[0]);
    const score = min === 0 ? 0 : min * (consistent ? 2 : 1);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export async function readHead(file: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function sniffText(sample: Buffer): Sniffed {
  const { encoding, hasBom } = detectEncoding(sample);
  const decoder = createTextDecoder(encoding);
  return { encoding, hasBom, delimiter: detectDelimiter(decoder.write(sample)) };
}
