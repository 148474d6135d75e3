/**
 * Guessing how a file is written before parsing it: the encoding (BOM first, then a strict UTF-8
 * decode of the first 64 KB, else GB18030 — what Excel on Chinese Windows writes) and the
 * delimiter (the candidate that splits the first lines most consistently).
 */
import fs from 'node:fs/promises';
import { TextDecoder } from 'node:util';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Sniffed {
  encoding: TextEncodingName;
  hasBom: boolean;
  delimiter: string;
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';', '|'] as const;

export function detectEncoding(sample: Uint8Array): { encoding: TextEncodingName; hasBom: boolean } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', hasBom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', hasBom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', hasBom: true };
  try {
    // stream: true so a character cut at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', hasBom: false };
  } catch {
    return { encoding: 'gb18030', hasBom: false };
  }
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
  const lines = text.split(/\r?\n/).slice(0, 21);
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

export async function sniffFile(file: string): Promise<Sniffed> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const { encoding, hasBom } = detectEncoding(sample);
    const text = new TextDecoder(encoding).decode(sample, { stream: true });
    return { encoding, hasBom, delimiter: detectDelimiter(text) };
  } finally {
    await handle.close();
  }
}
