import { intOption, UsageError, type CommandRunner } from '../cli-command.js';

export const fakeCleverCommand: CommandRunner = {
  async run(v, _p, io) {
    const token = String(v.token ?? 'fake-clever-token');
    if (!token.trim()) throw new UsageError('--token must not be empty');
    const options = {
      token,
      students: intOption(v.students, 'students', 1) ?? 2000,
      seed: intOption(v.seed, 'seed'),
      port: intOption(v.port, 'port') ?? 4010,
      host: v.host ? String(v.host) : '127.0.0.1',
      name: v.name ? String(v.name) : undefined,
      rateLimitEvery: intOption(v['rate-limit-every'], 'rate-limit-every', 1),
      retryAfterSeconds: intOption(v['retry-after'], 'retry-after'),
      failEvery: intOption(v['fail-every'], 'fail-every', 1),
      failAfter: intOption(v['fail-after'], 'fail-after'),
      delayMs: intOption(v['delay-ms'], 'delay-ms'),
      dropEvery: intOption(v['drop-every'], 'drop-every', 1),
      pageSizeMax: intOption(v['page-size-max'], 'page-size-max', 1),
    };
    const { startFakeCleverServer } = await import('../../fake-clever/fake-clever.server.js');
    const server = await startFakeCleverServer(options);
    const d = server.data;
    const teachers = d.users.filter((u) => (u.roles as Record<string, unknown>).teacher).length;
    io.out(`Fake Clever API at ${server.url} (token "${token}")`);
    io.out(
      `  "${d.district.name}": ${d.schools.length} schools, ${teachers} teachers, ${d.users.length - teachers} students, ${d.sections.length} sections, ${d.terms.length} terms, ${d.courses.length} courses`,
    );
    const faults = (
      [
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
    io.out(`Try: homeroom district create --name "Clever Test" --source clever-api --url ${server.url} --token ${token}`);
    io.out('     homeroom sync "Clever Test" --wait --json   (Ctrl-C stops the server)');
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
