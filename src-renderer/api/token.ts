/**
 * Browser mode: the host prints `http://127.0.0.1:<port>/?token=<token>`. The token is moved into
 * sessionStorage (survives reloads of this tab) and removed from the address bar so it is not left
 * in history or shown on screen.
 */
const STORAGE_KEY = 'callscope.token';

export function takeTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(STORAGE_KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function sessionToken(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}
