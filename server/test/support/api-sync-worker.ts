// A worker process for the two-process subscription test: executes RUN_ID against
// DATABASE_URL, publishing progress through Redis (REDIS_URL). Prints "done <status>".
import { openDatabase } from '../../src/db/data-source.js';
import { loadConfig } from '../../src/config.js';
import { createRedisPubSub } from '../../src/events/redis-pubsub.js';
import { createLogger } from '../../src/logger.js';
import { executeSyncRun } from '../../src/sync/sync-run.executor.js';

const env = process.env;
const ds = await openDatabase(env.DATABASE_URL!, { migrate: false });
const redis = createRedisPubSub(env.REDIS_URL!);
const config = loadConfig({ DATABASE_URL: env.DATABASE_URL, SECRET_KEY: env.SECRET_KEY, LOG_LEVEL: 'silent', DATA_DIR: '/tmp/homeroom-test-data' });
// Give the Redis connections a moment so the first events are not published before connect.
await new Promise((r) => setTimeout(r, 200));
const run = await executeSyncRun({ config, ds, logger: createLogger('silent'), pubsub: redis.pubsub }, Number(env.RUN_ID));
await new Promise((r) => setTimeout(r, 200));
console.log(`done ${run.status} pid ${process.pid}`);
await redis.close();
await ds.destroy();
process.exit(0);
