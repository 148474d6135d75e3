/**
 * Browser mode's key to the recordings route. An `<audio>` element cannot send the Authorization
 * header, and a token in its URL ends up in the page's history, copied links and logs; so the host
 * hands the page a cookie instead: HttpOnly (scripts never read it), SameSite=Strict (no other site
 * can make the browser send it), Path limited to `/recordings/`, and its own random key, so it opens
 * recordings and nothing else. The name carries the port: cookies do not tell ports apart, and two
 * hosts on 127.0.0.1 must not overwrite each other's key.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { RECORDINGS_ROUTE } from '../audits/recordings';

export interface RecordingsCookie {
  name: string;
  /** the `Set-Cookie` value that gives the page the key */
  setCookie: string;
  /** whether a request's `Cookie` header carries the key */
  carriedBy(cookieHeader: string | undefined): boolean;
}

export function recordingsCookie(
  port: number,
  key = randomBytes(24).toString('base64url'),
): RecordingsCookie {
  const name = `callscope_rec_${port}`;
  const keyBytes = Buffer.from(key);
  return {
    name,
    setCookie: `${name}=${key}; Path=${RECORDINGS_ROUTE}; HttpOnly; SameSite=Strict`,
    carriedBy(cookieHeader) {
      for (const part of (cookieHeader ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
        const given = Buffer.from(part.slice(eq + 1).trim());
        if (given.length === keyBytes.length && timingSafeEqual(given, keyBytes)) return true;
      }
      return false;
    },
  };
}
