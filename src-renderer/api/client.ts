/**
 * The typed API client. One function, `call`, typed from the contract; the transport (Electron IPC
 * or the loopback web host) is chosen at run time.
 */
import type { Input, Method, Output } from '../../src-shared/api';
import { electronBridge } from './bridge';
import { ApiCallError, errorFromBody } from './errors';
import { sessionToken } from './token';

export { ApiCallError } from './errors';

export function authHeaders(): Record<string, string> {
  const token = sessionToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function callOverIpc(method: Method, input: unknown): Promise<unknown> {
  const bridge = electronBridge();
  if (!bridge) throw new ApiCallError('internal', 'no Electron bridge');
  const result = await bridge.call(method, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.messageCode);
  return result.value;
}

async function callOverHttp(method: Method, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    throw new ApiCallError('network', err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw httpError(response.status, response.statusText, body);
  return body;
}

/** A failed HTTP answer as an ApiCallError; 401/403 always read "unauthorized" (the token is the problem). */
export function httpError(status: number, statusText: string, body: unknown): ApiCallError {
  const error = errorFromBody(body, new ApiCallError('internal', `${status} ${statusText}`));
  if (error.code === 'forbidden') return error; // signed in to a team workspace, a role that may not
  return status === 401 || status === 403 ? new ApiCallError('unauthorized', error.message) : error;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const value = electronBridge() ? await callOverIpc(method, input) : await callOverHttp(method, input);
  // The main process validated `value` against the contract's output schema before sending it.
  return value as Output<M>;
}
