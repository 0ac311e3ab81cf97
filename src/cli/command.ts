import type { ParseArgsConfig } from 'node:util';

export interface CommandInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  summary: string;
  options?: ParseArgsConfig['options'];
  /** Returns an exit code; a long-running command (serve) resolves only when it has started. */
  run(input: CommandInput): Promise<number | void>;
}
