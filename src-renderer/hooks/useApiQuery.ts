/**
 * Loads one API method's output for the panels that show it: loading, error and retry handled once
 * here. Reloads when the input changes or the workspace's data changes (`dataVersion`), and
 * quietly — still showing the last answer, not "loading" — when another Callscope changed it
 * (`liveVersion`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../src-shared/api';
import { call } from '../api/client';
import { type ApiCallError, toApiCallError } from '../api/errors';
import { useWorkspace } from '../stores/workspace';

export interface ApiQuery<T, I = unknown> {
  /** The latest data; while reloading, the previous data (so panels do not jump). */
  data: T | undefined;
  /** The input `data` answers (differs from the current input while reloading). */
  dataInput: I | undefined;
  error: ApiCallError | null;
  /** True while the data on screen is not (yet) the answer to the current input. */
  loading: boolean;
  reload(): void;
}

interface Loaded<T, I> {
  key: string;
  /** the key without the live version: what "loading" compares */
  visibleKey: string;
  data: T | undefined;
  dataInput: I | undefined;
  error: ApiCallError | null;
}

/** Pass `null` as input to wait (e.g. until the filter is known). */
export function useApiQuery<M extends Method>(
  method: M,
  input: Input<M> | null,
): ApiQuery<Output<M>, Input<M>> {
  const dataVersion = useWorkspace((s) => s.dataVersion);
  const liveVersion = useWorkspace((s) => s.liveVersion);
  const [attempt, setAttempt] = useState(0);
  const inputKey = input === null ? null : JSON.stringify(input);
  const visibleKey = inputKey === null ? null : `${method}|${inputKey}|${dataVersion}|${attempt}`;
  const key = visibleKey === null ? null : `${visibleKey}|${liveVersion}`;
  const [loaded, setLoaded] = useState<Loaded<Output<M>, Input<M>>>({
    key: '',
    visibleKey: '',
    data: undefined,
    dataInput: undefined,
    error: null,
  });

  useEffect(() => {
    if (key === null || visibleKey === null || inputKey === null) return;
    let current = true; // answers to an older input must not overwrite a newer one
    // Re-read the input from its key: the effect depends on the input's value, not its identity.
    const parsedInput = JSON.parse(inputKey) as Input<M>;
    call(method, parsedInput).then(
      (data) => current && setLoaded({ key, visibleKey, data, dataInput: parsedInput, error: null }),
      (err: unknown) =>
        current && setLoaded((prev) => ({ ...prev, key, visibleKey, error: toApiCallError(err) })),
    );
    return () => {
      current = false;
    };
  }, [method, key, visibleKey, inputKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Derived, not stored: the render that changes the input already shows "loading".
  // A live re-read is not "loading": the panel keeps showing its answer until the new one is in.
  const loading = visibleKey === null || loaded.visibleKey !== visibleKey;
  return {
    data: loaded.data,
    dataInput: loaded.dataInput,
    error: loading ? null : loaded.error,
    loading,
    reload,
  };
}
