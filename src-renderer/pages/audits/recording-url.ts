/**
 * Where the `<audio>` element fetches a call's recording: `/recordings/<call id>` on our own origin
 * (app://callscope in Electron, the loopback host in browser mode). A media element cannot send an
 * Authorization header, so browser mode puts the session token in the query.
 */
import { authHeaders } from '../../api/client';
import { electronBridge } from '../../api/bridge';
import { sessionToken } from '../../api/token';

export function recordingUrl(callId: number): string {
  const token = electronBridge() ? null : sessionToken();
  return token ? `/recordings/${callId}?token=${encodeURIComponent(token)}` : `/recordings/${callId}`;
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
