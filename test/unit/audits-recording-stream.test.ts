/**
 * The desktop door's recording responses, streamed from disk: real files (the tone.wav fixture and
 * a generated 8 MiB file), whole and by range, HEAD and 416; and proof that a range is read in
 * pieces rather than into one buffer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamRecordingResponse } from '../../src-main/audits/recording-stream';
import { FIXTURES, tempDir } from '../helpers';

const TONE = path.join(FIXTURES, 'recordings/tone.wav');
const tone = fs.readFileSync(TONE);
const found = { file: TONE, size: tone.length, contentType: 'audio/wav' };

function ask(method: string, range?: string) {
  return { method, headers: new Headers(range ? { Range: range } : {}) };
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('streamed recording responses', () => {
  it('the whole file: 200 with its length', async () => {
    const res = streamRecordingResponse(ask('GET'), found, { 'X-Extra': 'kept' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(tone.length));
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-range')).toBeNull();
    expect(res.headers.get('x-extra')).toBe('kept');
    expect((await bytes(res)).equals(tone)).toBe(true);
  });

  it('a range: 206 with Content-Range and Content-Length, the exact bytes', async () => {
    const res = streamRecordingResponse(ask('GET', 'bytes=44-1043'), found);
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 44-1043/${tone.length}`);
    expect(res.headers.get('content-length')).toBe('1000');
    expect((await bytes(res)).equals(tone.subarray(44, 1044))).toBe(true);

    const open = streamRecordingResponse(ask('GET', 'bytes=16000-'), found);
    expect(open.headers.get('content-range')).toBe(`bytes 16000-${tone.length - 1}/${tone.length}`);
    expect((await bytes(open)).equals(tone.subarray(16000))).toBe(true);

    const suffix = streamRecordingResponse(ask('GET', 'bytes=-100'), found);
    expect(suffix.headers.get('content-range')).toBe(
      `bytes ${tone.length - 100}-${tone.length - 1}/${tone.length}`,
    );
    expect((await bytes(suffix)).equals(tone.subarray(tone.length - 100))).toBe(true);

    const one = streamRecordingResponse(ask('GET', 'bytes=0-0'), found);
    expect(one.headers.get('content-length')).toBe('1');
    expect((await bytes(one)).equals(tone.subarray(0, 1))).toBe(true);
  });

  it('HEAD: the headers without a body; past the end: 416', async () => {
    const head = streamRecordingResponse(ask('HEAD', 'bytes=100-199'), found);
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('100');
    expect(head.body).toBeNull();
    const past = streamRecordingResponse(ask('GET', 'bytes=99999-'), found);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${tone.length}`);
  });

  describe('a large file', () => {
    let dir: string;
    let big: Buffer;
    let file: string;
    beforeAll(() => {
      dir = tempDir();
      file = path.join(dir, 'long.wav');
      big = Buffer.alloc(8 * 1024 * 1024);
      for (let i = 0; i < big.length; i += 4) big.writeUInt32LE(i, i);
      fs.writeFileSync(file, big);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('is streamed in pieces, not read into one buffer', async () => {
      const start = 1_000_000;
      const end = 7_000_000 - 1;
      const res = streamRecordingResponse(ask('GET', `bytes=${start}-${end}`), {
        file,
        size: big.length,
        contentType: 'audio/wav',
      });
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      const reader = res.body!.getReader();
      const chunks: Uint8Array[] = [];
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
      // fs.createReadStream reads 64 KiB at a time: 6 MB arrives as ~92 pieces, none larger.
      expect(chunks.length).toBeGreaterThan(50);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
      expect(Buffer.concat(chunks).equals(big.subarray(start, end + 1))).toBe(true);
    });

    it('a reader that stops early (the user seeks away) cancels the read', async () => {
      const res = streamRecordingResponse(ask('GET'), { file, size: big.length, contentType: 'audio/wav' });
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(first.value!.length).toBeGreaterThan(0);
      await expect(reader.cancel()).resolves.toBeUndefined();
    });
  });
});
