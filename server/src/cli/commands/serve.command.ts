import { startHttpServer } from '../../http/http-server.js';
import { startWorker } from '../../jobs/index.js';
import { District } from '../../roster/district.entity.js';
import cluster from 'node:cluster';
import { superviseApiProcesses } from '../api-cluster.js';
import { choiceOption, intOption, UsageError, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';
import { createDemoDistrict } from './demo.command.js';
import { createDemoAdmin } from '../../auth/demo-admin.js';

export const serveCommand: CommandRunner = {
  async run(v, _p, io) {
    const role = choiceOption(v.role as string | undefined, 'role', ['all', 'api', 'worker'] as const) ?? 'all';
    const port = intOption(v.port, 'port') ?? undefined;
    if (v.processes !== undefined && role !== 'api') throw new UsageError('--processes needs --role api: the job worker runs in one process');
    // API_PROCESSES only concerns the api role, so one environment can serve every role.
    const processes = role === 'api' ? (intOption(v.processes ?? io.env.API_PROCESSES?.trim(), 'processes', 1) ?? 1) : 1;
    const app = await openApp(io.env);
    if (processes > 1 && cluster.isPrimary) {
      // Migrated once, here, before the API processes start.
      await closeApp(app);
      io.out(`Starting ${processes} API processes on one port…`);
      return superviseApiProcesses(processes, io);
    }
    if (v['demo-if-empty'] && (await app.ds.getRepository(District).count()) === 0) {
      io.out('Empty database: creating "Demo District" (2,000 students)…');
      const { run } = await createDemoDistrict(app, 'Demo District', 2000);
      io.out(`Demo District synced (run ${run.id} ${run.status}).`);
      await createDemoAdmin(app, io);
    }
    const http = role === 'worker' ? null : await startHttpServer(app, { port: port ?? app.config.port });
    const worker = role === 'api' ? null : await startWorker(app);
    const which = io.env.HOMEROOM_API_PROCESS ? `  [API process ${io.env.HOMEROOM_API_PROCESS}]` : '';
    if (http) io.out(`Homeroom is running at ${http.url}  (GraphQL: ${http.url}/graphql, health: ${http.url}/healthz)${which}`);
    if (worker) io.out(`Job worker started${role === 'worker' ? ' (worker only)' : ''}.`);
    await new Promise<void>((resolve) => {
      const shutdown = async (signal: string) => {
        app.logger.info({ signal }, 'shutting down');
        await worker?.stop(30_000).catch((e) => app.logger.error({ err: e }, 'worker stop failed'));
        await http?.close().catch(() => undefined);
        await closeApp(app);
        resolve();
      };
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      process.once('SIGINT', () => void shutdown('SIGINT'));
    });
    // Agenda leaves a lock-renewal timer behind after stop(); end the process explicitly.
    setImmediate(() => process.exit(0));
    return 0;
  },
};
