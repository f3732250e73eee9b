import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Streams that must reach the client as they are written, never held back in a compressor. */
const STREAMING = /text\/event-stream|multipart\/mixed/i;

function shouldCompress(req: Request, res: Response): boolean {
  if (STREAMING.test(req.headers.accept ?? '') || STREAMING.test(String(res.getHeader('content-type') ?? ''))) return false;
  return compression.filter(req, res);
}

/**
 * br or gzip (as the client's Accept-Encoding prefers) for GraphQL answers over 1 KB: a page
 * of 500 sections with their students is several hundred KB of JSON and compresses about
 * tenfold. zlib writes compressed chunks to the socket as it goes. Websocket upgrades
 * (graphql-ws) never pass through Express, and event streams are left alone.
 */
export function compressAnswers(): RequestHandler {
  return compression({ threshold: 1024, filter: shouldCompress });
}
