import { CSRF_HEADER } from '../../shared/auth.js';
import type { ErrorBody } from '../../shared/errors.js';
import { ApiError } from '../api/client.js';

/**
 * Sends a multipart form with XMLHttpRequest, since fetch reports no upload progress. `onProgress`
 * gets 0–100 while the files go up; `onUploaded` fires when they are all sent and the server is
 * working on them. Errors come back as the same ApiError the JSON client throws.
 */
export function postMultipart<T>(
  url: string,
  form: FormData,
  {
    csrfToken,
    onProgress,
    onUploaded,
  }: { csrfToken: string | undefined; onProgress: (percent: number) => void; onUploaded: () => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader(CSRF_HEADER, csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.upload.onload = () => {
      onProgress(100);
      onUploaded();
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'network'));
    request.onload = () => {
      const payload = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        resolve(payload as T);
        return;
      }
      const error = (payload as ErrorBody | undefined)?.error;
      reject(
        new ApiError(request.status, error?.code ?? 'INTERNAL', error?.message ?? request.statusText, error?.fields),
      );
    };
    request.send(form);
  });
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
