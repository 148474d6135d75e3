/**
 * A recording as a fetch-style `Response` streamed from disk: the whole file (200) or the one byte
 * range `<audio>` asks for to seek (206 with Content-Range and Content-Length), read piece by piece
 * through `fs.createReadStream` — an hour-long WAV is never held in memory. Plain Node (no
 * Electron), so the desktop protocol stays a thin caller and this is tested with real files.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parseByteRange, recordingHeaders } from './recordings';

export interface FoundRecording {
  file: string;
  size: number;
  contentType: string;
}

export function streamRecordingResponse(
  request: { method: string; headers: { get(name: string): string | null } },
  found: FoundRecording,
  extraHeaders: Record<string, string> = {},
): Response {
  const range = parseByteRange(request.headers.get('range'), found.size);
  if (range === 'unsatisfiable')
    return new Response(null, {
      status: 416,
      headers: { ...extraHeaders, 'Content-Range': `bytes */${found.size}` },
    });
  const headers = { ...extraHeaders, ...recordingHeaders(found, range) };
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || found.size === 0) return new Response(null, { status, headers });
  // createReadStream's `end` is inclusive, as HTTP's is.
  const stream = fs.createReadStream(found.file, range ? { start: range.start, end: range.end } : {});
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
