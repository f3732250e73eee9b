// Every `homeroom` command as the help and the argument parser see it. Nothing here imports a
// command's code: `load` imports the module when the command is chosen, so the overview, a
// command's --help and a bad option answer without loading TypeORM, GraphQL or Agenda.
import { SourceKind } from '../roster/roster-enums.js';
import type { CliCommand } from './cli-command.js';

const KINDS = Object.values(SourceKind);

/** Source options shared by district create and update. */
const SOURCE_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  path: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  auth: { type: 'string' },
  'token-url': { type: 'string' },
  password: { type: 'string' },
  'private-key': { type: 'string' },
  'host-key': { type: 'string' },
} as const;
const SOURCE_USAGE =
  '[--url U] [--token T] [--path DIR_ZIP_SFTP_OR_HTTPS_URL] [--client-id ID --client-secret S --auth oauth2|oauth1 --token-url U] ' +
  '[--password P | --private-key FILE] [--host-key SHA256:…]';

export const COMMANDS: CliCommand[] = [
  {
    path: ['serve'],
    summary: 'Run the API, the dashboard and the job worker',
    usage: 'homeroom serve [--port 4000] [--role all|api|worker] [--processes N (api role)] [--demo-if-empty]',
    options: { port: { type: 'string' }, role: { type: 'string' }, processes: { type: 'string' }, 'demo-if-empty': { type: 'boolean' } },
    load: async () => (await import('./commands/serve.command.js')).serveCommand,
  },
  {
    path: ['migrate'],
    summary: 'Create the database if needed and apply pending migrations',
    usage: 'homeroom migrate',
    options: {},
    load: async () => (await import('./commands/migrate.command.js')).migrateCommand,
  },
  {
    path: ['demo'],
    summary: 'Create a demo district from generated data and sync it',
    usage: 'homeroom demo [--students 2000] [--name "Demo District"]',
    options: { students: { type: 'string' }, name: { type: 'string' } },
    load: async () => (await import('./commands/demo.command.js')).demoCommand,
  },
  {
    path: ['district', 'create'],
    summary: 'Create a district and say where its roster comes from',
    usage: `homeroom district create --name N --source ${KINDS.join('|')} ${SOURCE_USAGE} [--students N] [--timezone TZ] [--schedule CRON] [--json]`,
    options: {
      name: { type: 'string' },
      source: { type: 'string' },
      ...SOURCE_OPTIONS,
      students: { type: 'string' },
      timezone: { type: 'string' },
      schedule: { type: 'string' },
      json: { type: 'boolean' },
    },
    load: async () => (await import('./commands/district.commands.js')).districtCreateCommand,
  },
  {
    path: ['district', 'list'],
    summary: 'List districts',
    usage: 'homeroom district list [--json]',
    options: { json: { type: 'boolean' } },
    load: async () => (await import('./commands/district-list.command.js')).districtListCommand,
  },
  {
    path: ['district', 'update'],
    summary: "Change a district's source or sync settings",
    usage: `homeroom district update <district> [--name N] ${SOURCE_USAGE} [--schedule CRON] [--timezone TZ] [--schools all|ID,ID…] [--expires YYYY-MM-DD|never] [--sync-as-of YYYY-MM-DD|today] [--enabled true|false] [--threshold PERCENT] [--json]`,
    positionals: ['district'],
    options: {
      name: { type: 'string' },
      ...SOURCE_OPTIONS,
      schedule: { type: 'string' },
      timezone: { type: 'string' },
      schools: { type: 'string' },
      expires: { type: 'string' },
      'sync-as-of': { type: 'string' },
      enabled: { type: 'string' },
      threshold: { type: 'string' },
      json: { type: 'boolean' },
    },
    load: async () => (await import('./commands/district.commands.js')).districtUpdateCommand,
  },
  {
    path: ['sync'],
    summary: "Sync a district's roster from its source now",
    usage:
      'homeroom sync <district id or name> [--mode edit|reset] [--dry-run] [--as-of YYYY-MM-DD] [--override-threshold] [--preview <run id>] [--confirm "<district name>"] [--revert] [--wait] [--json]',
    positionals: ['district'],
    options: {
      mode: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'as-of': { type: 'string' },
      'override-threshold': { type: 'boolean' },
      preview: { type: 'string' },
      confirm: { type: 'string' },
      revert: { type: 'boolean' },
      wait: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    load: async () => (await import('./commands/sync.command.js')).syncCommand,
  },
  {
    path: ['changes'],
    summary: "Print a run's change record: every record it created, updated, deleted, restored or ended",
    usage: 'homeroom changes <run id> [--action create|update|delete|restore|end] [--type schools|terms|courses|people|sections|enrollments] [--json|--csv]',
    positionals: ['run id'],
    options: { action: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } },
    load: async () => (await import('./commands/changes.command.js')).changesCommand,
  },
  {
    path: ['schema'],
    summary: 'Write schema/schema.graphql from the resolvers (npm run codegen does this first)',
    usage: 'homeroom schema',
    options: {},
    load: async () => (await import('./commands/schema.command.js')).schemaCommand,
  },
  {
    path: ['district', 'test'],
    summary: "Test a district's source connection: its name and record counts",
    usage: 'homeroom district test <district> [--json]',
    positionals: ['district'],
    options: { json: { type: 'boolean' } },
    load: async () => (await import('./commands/district-test.command.js')).districtTestCommand,
  },
  {
    path: ['fake-clever'],
    summary: 'Serve a generated district as a fake Clever Data API v3.0 (development and tests)',
    usage:
      'homeroom fake-clever [--students 2000] [--seed 42] [--port 4010] [--host 127.0.0.1] [--token T] [--name N] ' +
      '[--rate-limit-every K] [--retry-after S] [--fail-every K] [--fail-after N] [--delay-ms D] [--drop-every K] [--page-size-max 10000]',
    options: {
      students: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      name: { type: 'string' },
      'rate-limit-every': { type: 'string' },
      'retry-after': { type: 'string' },
      'fail-every': { type: 'string' },
      'fail-after': { type: 'string' },
      'delay-ms': { type: 'string' },
      'drop-every': { type: 'string' },
      'page-size-max': { type: 'string' },
    },
    load: async () => (await import('./commands/fake-clever.command.js')).fakeCleverCommand,
  },
  {
    path: ['fake-oneroster'],
    summary: 'Serve a generated district as a fake OneRoster 1.1 REST API (development and tests)',
    usage:
      'homeroom fake-oneroster [--students 2000] [--seed 42] [--port 4020] [--host 127.0.0.1] [--client-id ID] [--client-secret S] ' +
      '[--auth oauth2|oauth1] [--max-limit N] [--name N] [--rate-limit-every K] [--retry-after S] [--fail-every K] [--fail-after N] [--delay-ms D] [--drop-every K]',
    options: {
      students: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      auth: { type: 'string' },
      'max-limit': { type: 'string' },
      name: { type: 'string' },
      'rate-limit-every': { type: 'string' },
      'retry-after': { type: 'string' },
      'fail-every': { type: 'string' },
      'fail-after': { type: 'string' },
      'delay-ms': { type: 'string' },
      'drop-every': { type: 'string' },
    },
    load: async () => (await import('./commands/fake-oneroster.command.js')).fakeOneRosterCommand,
  },
  {
    path: ['admin', 'create'],
    summary: 'Create an admin user (prints a generated password once unless --password is given)',
    usage: 'homeroom admin create --email E --role platform_admin|support|district_admin [--district D] [--password P] [--json]',
    options: { email: { type: 'string' }, role: { type: 'string' }, district: { type: 'string' }, password: { type: 'string' }, json: { type: 'boolean' } },
    load: async () => (await import('./commands/admin.command.js')).adminCreateCommand,
  },
  {
    path: ['token', 'create'],
    summary: 'Create a read-only partner API token for one district (prints the secret once)',
    usage: 'homeroom token create --district D --name N [--expires YYYY-MM-DD] [--json]',
    options: { district: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' }, json: { type: 'boolean' } },
    load: async () => (await import('./commands/token.command.js')).tokenCreateCommand,
  },
];
