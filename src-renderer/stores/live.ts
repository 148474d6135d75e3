/**
 * Live: another Callscope on the team workspace (or the command line) changed the data — an audit
 * submitted on the QA supervisor's machine, an import run from a terminal. While the window is
 * visible it reads the workspace's change counter every few seconds (one indexed lookup); when it
 * moved, the workspace and the queries on screen re-read quietly. Nothing moved: nothing is fetched.
 */
import { call } from '../api/client';
import { useWorkspace } from './workspace';

export const LIVE_POLL_MS = 3000;

export function followChanges(everyMs = LIVE_POLL_MS): () => void {
  let asking = false;
  const tick = async () => {
    // hidden (minimised, another tab): no requests at all; the focus refresh catches up on return
    if (asking || document.visibilityState !== 'visible') return;
    const known = useWorkspace.getState().revision;
    if (known === null) return; // the first refresh is still on its way
    asking = true;
    try {
      const { revision } = await call('workspace.revision', {});
      if (revision !== useWorkspace.getState().revision)
        await useWorkspace.getState().refresh({ live: true });
    } catch {
      // unreachable for a moment (the server restarting): the next tick asks again
    } finally {
      asking = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  return () => clearInterval(timer);
}
