import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';

// A sync thread's first statement. Linux keeps a nice value per thread: lowering it before the
// engine's modules load means the thread's start (compiling them: about a core-second) already
// gives way to the API's requests on shared cores, as the sync itself then does.
const started = performance.now();
let niceError: unknown = null;
try {
  const nice = (workerData as { config: { syncThreadNice?: number } }).config.syncThreadNice;
  if (nice) setPriority(nice);
} catch (err) {
  niceError = err;
}
const thread = await import('./sync-thread.main.js');
thread.main(started, niceError).then(thread.finish, thread.fail);
