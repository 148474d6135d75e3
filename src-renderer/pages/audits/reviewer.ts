/** The reviewer's name (质检员), kept on this computer between sessions: the app has no logins. */
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'callscope.reviewer';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReviewer(): [string, (name: string) => void] {
  const name = useSyncExternalStore(subscribe, () => localStorage.getItem(KEY) ?? '');
  const setName = useCallback((next: string) => {
    localStorage.setItem(KEY, next);
    listeners.forEach((l) => l());
  }, []);
  return [name, setName];
}
