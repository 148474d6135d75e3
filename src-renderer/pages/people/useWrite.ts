/** A People page write: runs it, then re-reads the workspace (teams, agents, every panel's data). */
import { useCallback, useState } from 'react';
import { type ApiCallError, toApiCallError } from '../../api/errors';
import { useWorkspace } from '../../stores/workspace';

export function useWrite() {
  const refresh = useWorkspace((s) => s.refresh);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        const result = await work();
        await refresh();
        return result;
      } catch (err) {
        setError(toApiCallError(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [refresh],
  );
  return { run, error, busy, clearError: () => setError(null) };
}
