import { startHttpServer } from '../../http/http-server.js';
import { startWorker } from '../../jobs/index.js';
import { District } from '../../roster/district.entity.js';
import { choiceOption, intOption, type CommandRunner } from '../cli-command.js';
import { closeApp, openApp } from '../cli-context.js';
import { createDemoDistrict } from './demo.command.js';
import { createDemoAdmin } from '../../auth/demo-admin.js';

export const serveCommand: CommandRunner = {
  async run(v, _p, io) {
    const role = choiceOption(v.role as string | undefined, 'role', ['all', 'api', 'worker'] as const) ?? 'all';
    const port = intOption(v.port, 'port') ?? undefined;
    const app = await openApp(io.env);
    if (v['demo-if-empty'] && (await app.ds.getRepository(District).count()) === 0) {
      io.out('Empty database: creating "Demo District" (2,000 students)…');
      const { run } = await createDemoDistrict(app, 'Demo District', 2000);
      io.out(`Demo District synced (run ${run.id} ${run.status}).`);
      await createDemoAdmin(app, io);
    }
    const http = role === 'worker' ? null : await startHttpServer(app, { port: port ?? app.config.port });
    const worker = role === 'api' ? null : await startWorker(app);
    if (http) io.out(`Homeroom is running at ${http.url}  (GraphQL: ${http.url}/graphql, health: ${http.url}/healthz)`);
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
