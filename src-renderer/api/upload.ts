/** Hands a chosen file to the workspace and returns its staged id, reporting upload progress. */
import { electronBridge } from './bridge';
import { ApiCallError, authHeaders, call, httpError } from './client';
import { UploadTooLargeError } from './errors';

export interface UploadHandle {
  done: Promise<{ stagedId: string }>;
  abort(): void;
}

/** `limitMb`: the workspace's upload limit; a larger file is refused here, before a byte is sent. */
export function stageFile(
  file: File,
  onProgress: (sentBytes: number, totalBytes: number) => void,
  limitMb?: number,
): UploadHandle {
  if (limitMb !== undefined && file.size > limitMb * 1024 * 1024) {
    return { done: Promise.reject(new UploadTooLargeError(file.name, limitMb)), abort: () => undefined };
  }
  return electronBridge() ? stageOverIpc(file, onProgress) : uploadOverHttp(file, onProgress, limitMb);
}

function stageOverIpc(file: File, onProgress: (sent: number, total: number) => void): UploadHandle {
  let aborted = false;
  const done = (async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (aborted) throw new ApiCallError('aborted', 'cancelled');
    const staged = await call('import.stage', { name: file.name, bytes });
    onProgress(file.size, file.size);
    return staged;
  })();
  return { done, abort: () => (aborted = true) };
}

/** XHR rather than fetch: it reports upload progress, which matters for files of 100 MB and more. */
function uploadOverHttp(
  file: File,
  onProgress: (sent: number, total: number) => void,
  limitMb?: number,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ stagedId: string }>((resolve, reject) => {
    xhr.open('POST', `/api/import.upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiCallError('network', 'upload failed'));
    xhr.onabort = () => reject(new ApiCallError('aborted', 'cancelled'));
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && isStaged(body)) resolve(body);
      else if (xhr.status === 413 && limitMb !== undefined)
        reject(new UploadTooLargeError(file.name, limitMb));
      else reject(httpError(xhr.status, xhr.statusText, body));
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

function isStaged(body: unknown): body is { stagedId: string } {
  return typeof body === 'object' && body !== null && 'stagedId' in body && typeof body.stagedId === 'string';
}
