import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../db/database-answers.js';

/** GET /healthz: 200 when the database answers, 503 otherwise (load balancers take the process out). */
export function healthHandler(ds: DataSource) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    if (await databaseAnswers(ds)) res.status(200).json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable', database: 'unreachable' });
  };
}
