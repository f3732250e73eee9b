import type { IncomingMessage } from 'node:http';

/**
 * Which browser origins may open the GraphQL websocket: the dashboard's own (PUBLIC_URL,
 * or the host the request was sent to) and ALLOWED_ORIGINS. A request without Origin is
 * not from a browser (a partner script) and carries no ambient cookie risk.
 */
export function originAllowed(req: IncomingMessage, publicUrl: string, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const allowed = new Set(allowedOrigins);
  try {
    allowed.add(new URL(publicUrl).origin);
  } catch {
    // An unusable PUBLIC_URL only narrows what is allowed.
  }
  if (allowed.has(parsed.origin)) return true;
  return Boolean(req.headers.host) && parsed.host === req.headers.host;
}
