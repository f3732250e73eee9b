// Docker cannot run on the test machines: check the compose file and Dockerfile against the code instead.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(process.cwd(), existsSync(join(process.cwd(), 'codegen.yml')) ? '.' : '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** The variables config.ts reads: `env.NAME`. */
const CONFIG_VARS = [...new Set([...read('server/src/config.ts').matchAll(/env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))].sort();

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string | string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  volumes?: string[];
  ports?: string[];
  restart?: string;
  container_name?: string;
}
const compose = parse(read('docker/docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const { services } = compose;
const HOMEROOM = ['migrate', 'api', 'worker'];

/** Dockerfile instructions, continuation lines joined, comments dropped, split into stages. */
function dockerfile() {
  const lines = read('docker/Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Array<{ from: string; name: string | null; lines: string[] }> = [];
  for (const l of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(l);
    if (from) stages.push({ from: from[1], name: from[2] ?? null, lines: [] });
    else stages.at(-1)?.lines.push(l);
  }
  return stages;
}

describe('docker/docker-compose.yml', () => {
  it('has mysql 8, redis 7, a one-shot migrate, and api and worker services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'mysql', 'redis', 'worker']);
    expect(services.mysql.image).toMatch(/^mysql:8(\.|$)/);
    expect(services.redis.image).toMatch(/^redis:7(\.|-|$)/);
    expect(services.migrate.command).toEqual(['node', 'bin/homeroom.mjs', 'migrate']);
    expect(services.migrate.restart).toBe('no');
    expect(services.api.command).toEqual(['node', 'bin/homeroom.mjs', 'serve', '--role', 'api']);
    expect(services.worker.command).toEqual(['node', 'bin/homeroom.mjs', 'serve', '--role', 'worker']);
  });

  it('the commands exist in the CLI', () => {
    const cli = read('server/src/cli/commands/serve.command.ts');
    expect(cli).toMatch(/\['all', 'api', 'worker'\]/);
    expect(existsSync(join(ROOT, 'server/src/cli/commands/migrate.command.ts'))).toBe(true);
  });

  it('api and worker are scalable: no container_name, no single fixed host port', () => {
    for (const name of ['api', 'worker']) expect(services[name].container_name).toBeUndefined();
    for (const p of services.api.ports ?? []) expect(p).toMatch(/^\$\{HOMEROOM_PORTS:-\d+-\d+\}:4000$|^\d+-\d+:4000$/);
    expect(services.worker.ports).toBeUndefined();
  });

  it('start order: migrate waits for a healthy mysql; api and worker wait for migrate to complete and for redis', () => {
    expect(services.migrate.depends_on).toEqual({ mysql: { condition: 'service_healthy' } });
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        mysql: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    for (const [name, s] of Object.entries(services))
      for (const dep of Object.keys(s.depends_on ?? {})) expect([name, dep, Object.keys(services).includes(dep)]).toEqual([name, dep, true]);
  });

  it('healthchecks: mysql, redis and api have one (api on /readyz); migrate and worker (no HTTP) disable the image one', () => {
    expect(services.mysql.healthcheck?.test?.join(' ')).toMatch(/mysqladmin ping/);
    expect(services.redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services.api.healthcheck?.test?.join(' ')).toMatch(/127\.0\.0\.1:4000\/readyz/);
    expect(services.worker.healthcheck).toEqual({ disable: true });
    expect(services.migrate.healthcheck).toEqual({ disable: true });
  });

  it('every Homeroom service builds the one image from docker/Dockerfile with the env file', () => {
    for (const name of HOMEROOM) {
      expect(services[name].image).toBe('homeroom:latest');
      expect(services[name].build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
      expect(join(ROOT, 'docker', services[name].build!.context, services[name].build!.dockerfile)).toBe(join(ROOT, 'docker/Dockerfile'));
      expect(services[name].env_file).toBe('.env');
    }
  });

  it('environment: only variables config.ts reads, and the production ones are all set', () => {
    expect(CONFIG_VARS).toEqual([
      'ALLOWED_ORIGINS',
      'DATABASE_URL',
      'DATA_DIR',
      'HOMEROOM_DEBUG_ERRORS',
      'LOG_LEVEL',
      'METRICS_TOKEN',
      'NODE_ENV',
      'PORT',
      'PUBLIC_URL',
      'REDIS_URL',
      'RUN_DETAIL_RETENTION_DAYS',
      'RUN_HEARTBEAT_TIMEOUT_SECONDS',
      'SECRET_KEY',
      'SMTP_URL',
      'TOKEN_RATE_LIMIT',
      'TRUST_PROXY',
    ]);
    for (const name of HOMEROOM) {
      const env = services[name].environment!;
      expect(Object.keys(env).filter((k) => !CONFIG_VARS.includes(k))).toEqual([]);
      expect(Object.keys(env).sort()).toEqual(CONFIG_VARS);
      expect(env.NODE_ENV).toBe('production');
      expect(env.SECRET_KEY).toMatch(/^\$\{SECRET_KEY:\?/); // compose refuses to start without it
      expect(env.DATABASE_URL).toMatch(/mysql:\/\/homeroom:\$\{MYSQL_PASSWORD\}@mysql:3306\/homeroom/);
      expect(env.REDIS_URL).toContain('redis://redis:6379');
      expect(env.DATA_DIR).toBe('/data');
    }
  });

  it('docker/.env.example documents every variable compose substitutes', () => {
    const example = read('docker/.env.example');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const substituted = new Set([...read('docker/docker-compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
    for (const v of substituted) expect([v, documented.has(v)]).toEqual([v, true]);
    for (const v of ['SECRET_KEY', 'SMTP_URL', 'PUBLIC_URL', 'REDIS_URL', 'LOG_LEVEL', 'DATABASE_URL']) expect([v, documented.has(v)]).toEqual([v, true]);
  });

  it('named volumes are declared; databases keep their data in them', () => {
    const used = Object.values(services).flatMap((s) => (s.volumes ?? []).map((v) => v.split(':')[0]));
    for (const v of used) expect(Object.keys(compose.volumes)).toContain(v);
    expect(services.mysql.volumes).toContain('mysql-data:/var/lib/mysql');
    expect(services.redis.volumes).toContain('redis-data:/data');
  });
});

describe('docker/Dockerfile', () => {
  const stages = dockerfile();
  const build = stages[0];
  const runtime = stages.at(-1)!;

  it('is multi-stage: a node 20 build stage and a node:20-slim runtime', () => {
    expect(stages).toHaveLength(2);
    expect(build.from).toMatch(/^node:20(-bookworm)?$/);
    expect(runtime.from).toBe('node:20-slim');
  });

  it('the build stage installs with npm ci, builds, and prunes dev dependencies', () => {
    const runs = build.lines.filter((l) => l.startsWith('RUN')).join('\n');
    expect(runs).toMatch(/npm ci/);
    expect(runs).toMatch(/npm run build/);
    expect(runs).toMatch(/npm prune --omit=dev/);
    // `npm run build` is the root script that builds the server (tsc) and the dashboard (vite).
    const rootPkg = JSON.parse(read('package.json'));
    expect(rootPkg.scripts.build).toMatch(/build -w server/);
    expect(rootPkg.scripts.build).toMatch(/build -w web/);
  });

  it('every COPY source from the build context exists in the repository', () => {
    const copies = build.lines.filter((l) => /^COPY\s/.test(l) && !/--from=/.test(l));
    expect(copies.length).toBeGreaterThan(3);
    for (const c of copies) {
      const args = c
        .split(/\s+/)
        .slice(1)
        .filter((a) => !a.startsWith('--'));
      for (const src of args.slice(0, -1)) expect([src, existsSync(join(ROOT, src))]).toEqual([src, true]);
    }
  });

  it('the runtime copies only built output (no server/src) and the files the CMD needs', () => {
    const copies = runtime.lines.filter((l) => /^COPY\s/.test(l));
    for (const c of copies) expect(c).toMatch(/--from=build/);
    const sources = copies.flatMap((c) =>
      c
        .split(/\s+/)
        .slice(1)
        .filter((a) => !a.startsWith('--'))
        .slice(0, -1),
    );
    expect(sources).not.toContain('/app/server/src');
    expect(sources).not.toContain('/app/server');
    expect(sources).toEqual(expect.arrayContaining(['/app/node_modules', '/app/bin', '/app/server/dist', '/app/web/dist', '/app/schema']));
    // bin/run-ts.mjs falls back to server/dist/server/<entry>.js when server/src is absent.
    expect(read('bin/run-ts.mjs')).toContain("'server/dist/server'");
    expect(read('server/tsconfig.json')).toMatch(/"outDir":\s*"dist"/);
  });

  it('runs as a non-root user, with a /healthz HEALTHCHECK and `node bin/homeroom.mjs serve`', () => {
    const user = runtime.lines.find((l) => l.startsWith('USER'));
    expect(user).toBe('USER homeroom');
    const health = runtime.lines.find((l) => l.startsWith('HEALTHCHECK'))!;
    expect(health).toMatch(/\/healthz/);
    expect(runtime.lines.find((l) => l.startsWith('CMD'))).toBe('CMD ["node", "bin/homeroom.mjs", "serve"]');
    expect(existsSync(join(ROOT, 'bin/homeroom.mjs'))).toBe(true);
    expect(read('server/src/http/http-server.ts')).toContain("'/healthz'");
  });

  it('ignores local state in the build context', () => {
    const ignore = read('docker/Dockerfile.dockerignore');
    for (const p of ['**/node_modules', '**/dist', 'data', '.git']) expect(ignore.split('\n')).toContain(p);
  });
});
