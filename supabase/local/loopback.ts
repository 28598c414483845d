// The backend serves public demo keys, so only this machine may use it: a web page from another
// origin (a browser sends its Origin) or a DNS-rebound name (its Host header) is refused.

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost');
}

/** No Origin (Node clients, curl) or an http(s) origin on a loopback name, any port. */
export function isAllowedOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackName(url.hostname);
  } catch {
    return false;
  }
}

/** A Host header naming a loopback address or localhost (any port); absent is allowed. */
export function isAllowedHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return true;
  try {
    return isLoopbackName(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}
