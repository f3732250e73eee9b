import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand, type CommandIo } from './cli-command.js';
import { COMMANDS } from './command-list.js';
import { ConfigError, SourceError, ValidationError } from '../errors.js';

export { COMMANDS };

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  return [
    'Usage: homeroom <command> [options]   (homeroom <command> --help for its options)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...COMMANDS].sort((a, b) => b.path.length - a.path.length);
  for (const command of sorted) {
    if (command.path.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(command.path.length) };
  }
  return null;
}

/** Runs one command; returns the exit code (0 ok, 1 failed, 2 bad usage). */
/** One line typed on the terminal (null at end of input). */
async function askTerminal(question: string): Promise<string | null> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } catch {
    return null;
  } finally {
    rl.close();
  }
}

const processIo = (): CommandIo => ({
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  env: process.env,
  ask: process.stdin.isTTY ? askTerminal : undefined,
});

export async function runCli(argv: string[], io: CommandIo = processIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`homeroom: unknown command "${argv.join(' ')}"`);
    io.err(overview());
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (positionals.length > 0 && !command.positionals?.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const runner = await command.load();
    return await runner.run(values as Record<string, string | boolean | undefined>, positionals, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`homeroom ${command.path.join(' ')}: ${err.message.split('\n')[0]}`);
      io.err(`Usage: ${command.usage}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof ValidationError || e instanceof SourceError) {
      io.err(`homeroom: ${err.message}`);
      return e instanceof ConfigError ? 2 : 1;
    }
    io.err(`homeroom: ${err.message ?? String(e)}`);
    if (process.env.LOG_LEVEL === 'debug') io.err(String(err.stack));
    return 1;
  }
}
