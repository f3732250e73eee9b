import cluster, { type Worker } from 'node:cluster';
import type { CommandIo } from './cli-command.js';

/** A process that dies this soon after starting counts towards giving up. */
const EARLY_DEATH_MS = 10_000;
const MAX_EARLY_DEATHS = 5;

/**
 * `serve --role api --processes N`: N copies of the API process sharing one port (Node's
 * cluster module hands each new connection to the next process). One Node process serves on
 * one core; a machine with more cores serves more requests with more processes. This process
 * only supervises: a process that dies is replaced, unless they keep dying at start (then
 * the whole command fails, as a single process would); SIGTERM or SIGINT stops them all.
 */
export async function superviseApiProcesses(processes: number, io: CommandIo): Promise<number> {
  let stopping = false;
  const earlyDeaths: number[] = [];
  const startedAt = new Map<Worker, number>();
  const start = (n: number) => {
    const worker = cluster.fork({ HOMEROOM_API_PROCESS: `${n} of ${processes}` });
    startedAt.set(worker, Date.now());
    worker.once('exit', (code, signal) => {
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      startedAt.delete(worker);
      if (stopping) return;
      io.err(`API process ${n} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting another.`);
      if (lived < EARLY_DEATH_MS) earlyDeaths.push(Date.now());
      if (earlyDeaths.filter((t) => Date.now() - t < 60_000).length >= MAX_EARLY_DEATHS) {
        io.err(`API processes keep exiting at start; stopping.`);
        void stopAll(1);
        return;
      }
      start(n);
    });
  };
  let finish!: (code: number) => void;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const stopAll = async (code: number) => {
    stopping = true;
    const alive = [...startedAt.keys()];
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    finish(code);
  };
  process.once('SIGTERM', () => void stopAll(0));
  process.once('SIGINT', () => void stopAll(0));
  for (let n = 1; n <= processes; n++) start(n);
  return finished;
}
