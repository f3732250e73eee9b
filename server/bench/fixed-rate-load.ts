// Requests at a fixed arrival rate (open loop), as partners' requests arrive: one every
// 1000/rate ms whatever the answers do, over a pool of kept-alive connections. autocannon's
// --overallRate is not this: each connection sends its share of a second back to back when the
// second starts, so a 200 req/s load arrives as bursts of up to 200 at once, and its latency
// histogram back-fills samples at a 1 ms interval. Each latency here runs from the moment the
// request was due, so a request that waits for a free connection counts its wait.
import { Agent, request } from 'node:http';

export interface LoadRequest {
  label: string;
  path: string;
  body: string;
}

export interface LoadResult {
  /** Latencies (ms) of answered requests, by label. */
  latencies: Map<string, number[]>;
  sent: number;
  answered: number;
  /** Connection errors and requests unanswered after 10 s. */
  errors: number;
  non2xx: number;
  /** 200 answers carrying GraphQL errors. */
  graphqlErrors: number;
  /** From the first request due to the last answer. */
  seconds: number;
}

const TIMEOUT_MS = 10_000;

export function fixedRateLoad(opts: {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  headers: Record<string, string>;
  requests: LoadRequest[];
}): Promise<LoadResult> {
  const target = new URL(opts.url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections, scheduling: 'fifo' });
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const result: LoadResult = {
    latencies: new Map(opts.requests.map((r) => [r.label, []])),
    sent: 0,
    answered: 0,
    errors: 0,
    non2xx: 0,
    graphqlErrors: 0,
    seconds: 0,
  };
  const start = performance.now() + 10;
  let settled = 0;
  return new Promise((resolve) => {
    const done = () => {
      if (++settled < total) return;
      result.seconds = (performance.now() - start) / 1000;
      agent.destroy();
      resolve(result);
    };
    const send = (i: number) => {
      const due = start + i * interval;
      const r = opts.requests[i % opts.requests.length];
      result.sent++;
      const req = request(
        { host: target.hostname, port: target.port, path: r.path, method: 'POST', agent, headers: opts.headers, timeout: TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            result.answered++;
            result.latencies.get(r.label)!.push(performance.now() - due);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) result.non2xx++;
            else if (Buffer.concat(chunks).includes('"errors"')) result.graphqlErrors++;
            done();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', () => {
        result.errors++;
        done();
      });
      req.end(r.body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 10);
  });
}
