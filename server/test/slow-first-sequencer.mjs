// Test file order for parallel jest: longest first, so the two workers finish together instead
// of one running a two-minute file alone at the end. Jest knows durations only from its cache
// of earlier runs on this machine; a clean CI clone has none (jest would order by file size,
// which says little: the slowest files are short and spawn processes or browsers). Files
// known to be slow get an estimate here; a cached duration, when there is one, wins.
import { readFileSync } from 'node:fs';
import Sequencer from '@jest/test-sequencer';

/**
 * Seconds per file, by path under server/test (no `.test.ts`), from `npm test` with two
 * workers on a busy 2-core machine (Nov 2026): only their order matters. Files not listed
 * take under ~35 s and follow, largest first; a new slow file belongs here.
 */
const ESTIMATED_SECONDS = [
  [/e2e\/dashboard-live$/, 134],
  [/e2e\/dashboard-pages$/, 124],
  [/integration\/remote-csv$/, 121],
  // The longest of the files sharing Redis (support/exclusive-suite.ts); sort() keeps the
  // others from starting while it runs.
  [/integration\/scale-out$/, 110],
  [/integration\/jobs-multiprocess$/, 107],
  [/integration\/faults-malformed-csv$/, 103],
  [/integration\/faults-kill$/, 100],
  [/integration\/data-safety$/, 96],
  [/integration\/faults-crashed-run$/, 94],
  [/integration\/rollover$/, 90],
  [/integration\/sync-engine$/, 81],
  [/integration\/cli$/, 63],
  [/integration\/ops-build$/, 54],
  [/e2e\/dashboard-sync$/, 51],
  [/integration\/sync-thread$/, 49],
  [/integration\/faults-damaged-csv$/, 46],
  [/e2e\/dashboard-/, 45],
  [/integration\/jobs-repository$/, 44],
  [/integration\/http-hardening$/, 42],
  [/integration\/oneroster-api$/, 40],
  [/integration\/graphql-roster-events$/, 39],
  [/integration\/cli-/, 35],
  [/integration\/reset-guard$/, 35],
  [/integration\/clever-api$/, 35],
  [/integration\/graphql-subscriptions$/, 35],
];

function estimateMs(path) {
  const name = path
    .replace(/\\/g, '/')
    .replace(/^.*\/test\//, '')
    .replace(/\.test\.ts$/, '');
  const hit = ESTIMATED_SECONDS.find(([pattern]) => pattern.test(name));
  return hit ? hit[1] * 1000 : undefined;
}

/** The resource a file takes turns on (`exclusiveSuite('redis')`, support/exclusive-suite.ts), if any. */
function exclusiveResource(path) {
  return /exclusiveSuite\('([\w-]+)'\)/.exec(readFileSync(path, 'utf8'))?.[1];
}

export default class SlowFirstSequencer extends Sequencer {
  constructor(options) {
    super(options);
    // How many files run at once, for the replay in spreadExclusive().
    this.workers = options.globalConfig.runInBand ? 1 : Math.max(1, options.globalConfig.maxWorkers);
  }

  sort(tests) {
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    const expected = new Map(tests.map((test) => [test, this.time(test) ?? estimateMs(test.path)]));
    for (const test of tests) test.duration = this.time(test);
    const longestFirst = [...tests].sort((a, b) => {
      const ta = expected.get(a);
      const tb = expected.get(b);
      if ((ta == null) !== (tb == null)) return ta == null ? 1 : -1; // known-slow before unknown
      if (ta != null && tb != null && ta !== tb) return tb - ta;
      return size(b) - size(a);
    });
    return this.spreadExclusive(longestFirst, expected);
  }

  /**
   * Replays the order on the workers with the expected durations and moves a file that would
   * start while another file of its resource group still runs behind the next file that can
   * run then: it would only wait for the lock, holding a worker.
   */
  spreadExclusive(order, expected) {
    const workers = this.workers;
    const group = new Map(order.map((test) => [test, exclusiveResource(test.path)]));
    if (![...group.values()].some(Boolean)) return order;
    const freeAt = new Array(workers).fill(0);
    const heldUntil = new Map();
    const remaining = [...order];
    const result = [];
    while (remaining.length) {
      const now = Math.min(...freeAt);
      const worker = freeAt.indexOf(now);
      let next = remaining.findIndex((test) => !group.get(test) || (heldUntil.get(group.get(test)) ?? 0) <= now);
      if (next < 0) next = 0;
      const [test] = remaining.splice(next, 1);
      const resource = group.get(test);
      const end = Math.max(now, resource ? (heldUntil.get(resource) ?? 0) : 0) + (expected.get(test) ?? 5000);
      if (resource) heldUntil.set(resource, end);
      freeAt[worker] = end;
      result.push(test);
    }
    return result;
  }
}
