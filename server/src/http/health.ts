import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';

/** Whether the database answers `SELECT 1` within the time limit. */
export async function databaseAnswers(ds: DataSource, timeoutMs = 3000): Promise<boolean> {
  if (!ds.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database health check timed out')), timeoutMs);
    });
    await Promise.race([ds.query('SELECT 1'), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** GET /healthz: 200 when the database answers, 503 otherwise (load balancers take the process out). */
export function healthHandler(ds: DataSource) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    if (await databaseAnswers(ds)) res.status(200).json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: 'unreachable' });
  };
}
