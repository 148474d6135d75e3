/**
 * Where the `<audio>` element fetches a call's recording: `/recordings/<call id>` on our own origin
 * (app://callscope in Electron, the loopback host in browser mode). The URL carries no secret: in
 * browser mode the host has given the page an HttpOnly cookie for this route.
 */
import { authHeaders } from '../../api/client';

export function recordingUrl(callId: number): string {
  return `/recordings/${callId}`;
}

/** Why a recording did not load, in the host's words (it names the path it looked for). */
export async function recordingProblem(callId: number): Promise<string> {
  try {
    const response = await fetch(`/recordings/${callId}`, {
      method: 'GET',
      headers: { ...authHeaders(), Range: 'bytes=0-0' },
    });
    if (response.ok) return 'the file could not be decoded as audio';
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { error?: { message?: string } };
      return body.error?.message ?? text;
    } catch {
      return text || `${response.status} ${response.statusText}`;
    }
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
