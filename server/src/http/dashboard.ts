import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/** Paths the dashboard never answers: they belong to the API. */
const API_PREFIXES = ['/graphql', '/healthz'];

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Homeroom</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
code{background:#f3f4f6;padding:.1rem .35rem;border-radius:4px}</style></head>
<body><h1>Homeroom</h1>
<p>The API is running at <a href="/graphql"><code>/graphql</code></a>, but the dashboard has not been built.</p>
<p>Run <code>npm run build -w web</code> and reload this page.</p></body></html>
`;

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built Vue dashboard from `distDir` (hashed assets cached for a year), with
 * index.html for any other GET that is not an API path or a file (client-side routes).
 * When the dashboard is not built, pages say how to build it.
 */
export function dashboardRouter(distDir: string): Router {
  const router = express.Router();
  router.use(
    express.static(distDir, {
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join(distDir, 'assets')}`)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || extname(req.path) !== '') return next();
    const index = join(distDir, 'index.html');
    res.set('Cache-Control', 'no-cache');
    if (existsSync(index)) res.sendFile(index);
    else res.type('html').send(NOT_BUILT_PAGE);
  });
  return router;
}
