import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test HTTP server answers one path. */
export interface ServedFile {
  body: Buffer;
  /** 'basic:<user>:<password>' or 'bearer:<token>'. */
  auth?: string;
  /** Send this share of the body (with the full Content-Length) and close the connection. */
  cutAt?: number;
  /** Never answer. */
  hang?: boolean;
}

/** A real local HTTP server for export downloads: auth, ETag, cut-off answers and hangs on request. */
export async function startExportServer() {
  const files = new Map<string, ServedFile>();
  const requests: string[] = [];
  const hung = new Set<ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const f = files.get(path);
    if (!f) {
      res.writeHead(404).end('not found');
      return;
    }
    if (f.auth) {
      const [kind, a, b] = f.auth.split(':');
      const expected = kind === 'bearer' ? `Bearer ${a}` : `Basic ${Buffer.from(`${a}:${b}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': kind === 'bearer' ? 'Bearer' : 'Basic realm="exports"' }).end('unauthorized');
        return;
      }
    }
    if (f.hang) {
      hung.add(res);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': f.body.length, ETag: '"v1"', 'Last-Modified': new Date(0).toUTCString() });
    if (f.cutAt === undefined) res.end(f.body);
    else res.write(f.body.subarray(0, Math.floor(f.body.length * f.cutAt)), () => res.socket?.destroy());
  };
  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    files,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hung) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
