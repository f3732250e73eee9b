import { choiceOption, intOption, UsageError, type CommandRunner } from '../cli-command.js';

export const fakeOneRosterCommand: CommandRunner = {
  async run(v, _p, io) {
    const clientId = String(v['client-id'] ?? 'fake-client');
    const clientSecret = String(v['client-secret'] ?? 'fake-secret');
    if (!clientId.trim() || !clientSecret.trim()) throw new UsageError('--client-id and --client-secret must not be empty');
    const options = {
      clientId,
      clientSecret,
      auth: choiceOption(v.auth as string | undefined, 'auth', ['oauth2', 'oauth1'] as const) ?? 'oauth2',
      students: intOption(v.students, 'students', 1) ?? 2000,
      seed: intOption(v.seed, 'seed'),
      port: intOption(v.port, 'port') ?? 4020,
      host: v.host ? String(v.host) : '127.0.0.1',
      name: v.name ? String(v.name) : undefined,
      maxLimit: intOption(v['max-limit'], 'max-limit', 1),
      rateLimitEvery: intOption(v['rate-limit-every'], 'rate-limit-every', 1),
      retryAfterSeconds: intOption(v['retry-after'], 'retry-after'),
      failEvery: intOption(v['fail-every'], 'fail-every', 1),
      failAfter: intOption(v['fail-after'], 'fail-after'),
      delayMs: intOption(v['delay-ms'], 'delay-ms'),
      dropEvery: intOption(v['drop-every'], 'drop-every', 1),
    };
    const { startFakeOneRosterServer } = await import('../../fake-oneroster/fake-oneroster.server.js');
    const server = await startFakeOneRosterServer(options);
    const d = server.data;
    const live = (l: Array<Record<string, unknown>>) => l.filter((x) => x.status !== 'tobedeleted');
    const teachers = live(d.users).filter((u) => u.role === 'teacher').length;
    io.out(`Fake OneRoster 1.1 API at ${server.url} (${options.auth}, client id "${clientId}")`);
    io.out(
      `  ${live(d.orgs).filter((o) => o.type === 'school').length} schools, ${teachers} teachers, ${live(d.users).length - teachers} students, ${live(d.classes).length} classes, ${live(d.academicSessions).length} sessions, ${live(d.courses).length} courses`,
    );
    const faults = (
      [
        ['max-limit', options.maxLimit],
        ['rate-limit-every', options.rateLimitEvery],
        ['fail-every', options.failEvery],
        ['fail-after', options.failAfter],
        ['delay-ms', options.delayMs],
        ['drop-every', options.dropEvery],
      ] as const
    )
      .filter(([, n]) => n !== undefined)
      .map(([k, n]) => `--${k} ${n}`);
    if (faults.length) io.out(`  faults: ${faults.join(', ')}`);
    io.out(
      `Try: homeroom district create --name "OneRoster Test" --source oneroster-api --url ${server.url} --client-id ${clientId} --client-secret … --auth ${options.auth}`,
    );
    io.out('     homeroom sync "OneRoster Test" --wait --json   (Ctrl-C stops the server)');
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
