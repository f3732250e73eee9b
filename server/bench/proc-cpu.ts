// CPU time of processes from /proc (Linux): what the API benches report per query and per process.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 1000 / 100; // USER_HZ

const statFields = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/** User and system CPU time of a process (all its threads), in ms. */
export function cpuMs(pid: number): { user: number; system: number } {
  const f = statFields(pid);
  return { user: Number(f[11]) * TICK_MS, system: Number(f[12]) * TICK_MS };
}

const pids = () =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number);

/** The first process with this command name (e.g. mariadbd), if any. */
export function pidOf(name: string): number | undefined {
  return pids().find((p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  });
}

/** A process and its descendants (e.g. a cluster primary and its API processes). */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const p of pids()) {
    try {
      parent.set(p, Number(statFields(p)[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [p, pp] of parent) if (pp === tree[i]) tree.push(p);
  return tree;
}

/** Total CPU ms (user + system) of these processes; ones that exited count as 0. */
export function totalCpuMs(list: number[]): number {
  let ms = 0;
  for (const p of list) {
    try {
      const c = cpuMs(p);
      ms += c.user + c.system;
    } catch {
      // exited
    }
  }
  return ms;
}
