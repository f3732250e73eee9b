import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixedRateLoad } from '../../bench/fixed-rate-load.js';

describe('the API bench’s fixed-rate load', () => {
  it('sends requests evenly spaced over the second, not in bursts, and times them from when they were due', async () => {
    const arrivals: number[] = [];
    const server = createServer((req, res) => {
      arrivals.push(performance.now());
      req.resume();
      req.on('end', () => setTimeout(() => res.end(req.url === '/slow' ? '{"errors":[]}' : '{"data":{}}'), 5));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const result = await fixedRateLoad({
        url,
        rate: 100,
        seconds: 1.5,
        connections: 20,
        headers: { 'content-type': 'application/json' },
        requests: [
          { label: 'a', path: '/fast', body: '{}' },
          { label: 'b', path: '/slow', body: '{}' },
        ],
      });
      expect(result).toMatchObject({ sent: 150, answered: 150, errors: 0, non2xx: 0, graphqlErrors: 75 });
      expect(result.latencies.get('a')).toHaveLength(75);
      // 10 ms apart: the median gap between arrivals is about 10 ms (a per-second budget per
      // connection sends them back to back, gaps near 0); the median ignores this test
      // machine's own pauses, after which the overdue requests go out together.
      const gaps = arrivals
        .slice(1)
        .map((t, i) => t - arrivals[i])
        .sort((a, b) => a - b);
      expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThan(6);
      expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(14);
      expect(Math.min(...[...result.latencies.values()].flat())).toBeGreaterThanOrEqual(3);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
