import { RedisNotificationChannel } from '@agendajs/redis-backend';
import { InMemoryNotificationChannel, type AgendaBackend, type NotificationChannel } from 'agenda';
import type { DataSource } from 'typeorm';
import { dialectOf } from '../../db/data-source.js';
import { DEFAULT_JOB_TABLE, TypeormJobRepository } from './job-repository.js';

export interface JobBackendOptions {
  /** The jobs table (default agenda_job, created by the migrations). */
  tableName?: string;
  /** With Redis, a job saved in one process wakes the workers of every other process at once. */
  redisUrl?: string | null;
  /** Redis channel name; processes that should see each other's jobs use the same one. */
  channelName?: string;
}

/** Redis pub/sub channel Homeroom's processes share for job notifications. */
export const JOB_NOTIFICATION_CHANNEL = 'homeroom:jobs';

/**
 * Agenda 6 backend storing jobs in Homeroom's own database (SQLite or MySQL/MariaDB) through
 * the given, already initialized DataSource, which it never closes. Notifications are
 * in-process by default; with `redisUrl` they go through Redis pub/sub.
 */
export function createJobBackend(dataSource: DataSource, options: JobBackendOptions = {}): AgendaBackend {
  const repository = new TypeormJobRepository(dataSource, options.tableName ?? DEFAULT_JOB_TABLE);
  const notificationChannel: NotificationChannel = options.redisUrl
    ? new RedisNotificationChannel({
        connectionString: options.redisUrl,
        channelName: options.channelName ?? JOB_NOTIFICATION_CHANNEL,
        reconnect: { enabled: true, initialDelayMs: 200, maxDelayMs: 5000 },
      })
    : new InMemoryNotificationChannel();
  return {
    name: `Homeroom ${dialectOf(dataSource) === 'mysql' ? 'MySQL' : 'SQLite'} (TypeORM)`,
    repository,
    notificationChannel,
    ownsConnection: false,
    connect: () => repository.connect(),
    disconnect: async () => undefined,
  };
}
