/**
 * The one dispatcher behind every door: validate input -> handler -> validate output. Doors
 * (Electron IPC, the web host, the CLI) only move `{method, input}` in and the outcome out.
 */
import type { z } from 'zod';
import {
  contract,
  isMethod,
  type ApiErrorBody,
  type ApiMethod,
  type Method,
  type Output,
  type ParsedInput,
} from '../src-shared/api';
import { ApiError } from './errors';

/** The handlers of some methods: each feature module implements its own share of the contract. */
export type HandlersFor<M extends Method> = {
  [K in M]: (input: ParsedInput<K>) => Promise<Output<K>> | Output<K>;
};

/** Everything a workspace's API answers. */
export type Handlers = HandlersFor<ApiMethod>;

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export type Dispatch = (method: string, input: unknown) => Promise<Outcome>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Called after a successful call, before its answer goes out (the activity log's hook). */
export type AfterSuccess = (method: Method, input: unknown, output: unknown) => Promise<void>;

export function createDispatcher<M extends Method>(
  handlers: HandlersFor<M>,
  onInternalError?: (err: unknown) => void,
  afterSuccess?: AfterSuccess,
): Dispatch {
  return async (method, rawInput) => {
    if (!isMethod(method) || !Object.prototype.hasOwnProperty.call(handlers, method))
      return { ok: false, error: { code: 'unknown_method', message: `unknown method ${method}` } };
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad_input', message: `${method}: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      const handler = (handlers as Record<string, (input: unknown) => unknown>)[method]!;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        onInternalError?.(
          new Error(`${method} returned an invalid result: ${describeIssues(checked.error)}`),
        );
        return { ok: false, error: { code: 'internal', message: `${method} returned an invalid result` } };
      }
      await afterSuccess?.(method, parsed.data, checked.data).catch((err: unknown) => onInternalError?.(err));
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof ApiError) {
        const { code, message, messageCode } = err;
        return { ok: false, error: { code, message, ...(messageCode && { messageCode }) } };
      }
      onInternalError?.(err);
      return {
        ok: false,
        error: { code: 'internal', message: err instanceof Error ? err.message : String(err) },
      };
    }
  };
}
