/**
 * Where the `<audio>` element fetches a call's recording: `/recordings/<call id>` on our own origin
 * (app://callscope in Electron, the loopback host in browser mode). The URL carries no secret: in
 * browser mode the host has given the page an HttpOnly cookie for this route. Whether there is a
 * file to play, and why not, comes from `recordings.find` (RecordingPlayer).
 */
export function recordingUrl(callId: number): string {
  return `/recordings/${callId}`;
}
