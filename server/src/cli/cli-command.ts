import type { ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Asks a question on the terminal; absent when stdin is not a terminal. */
  ask?: (question: string) => Promise<string | null>;
}

export type CommandValues = Record<string, string | boolean | undefined>;

/** What a command does: the module holding it is imported only when the command is chosen. */
export interface CommandRunner {
  run(values: CommandValues, positionals: string[], io: CommandIo): Promise<number>;
}

/**
 * A command as the help and the argument parser see it. `load` imports its module on use, so
 * `homeroom --help` (and each command) loads only what it runs, not TypeORM, GraphQL and Agenda.
 */
export interface CliCommand {
  /** Words that select it: ['district', 'create']. */
  path: string[];
  summary: string;
  usage: string;
  options: Options;
  /** Positional arguments allowed (names, for the usage line). */
  positionals?: string[];
  load(): Promise<CommandRunner>;
}

/** Bad input from the command line: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

export function intOption(value: string | boolean | undefined, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

export function choiceOption<T extends string>(value: string | boolean | undefined, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(String(value) as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return String(value) as T;
}

export function boolOption(value: string | boolean | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === true) return true;
  if (value === 'false') return false;
  throw new UsageError(`--${name} must be true or false, got "${value}"`);
}
