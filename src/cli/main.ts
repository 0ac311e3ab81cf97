import { parseArgs } from 'node:util';
import { commands } from './commands';

const argv = process.argv.slice(2);
// Two-word commands (`audit verify`, `user add`) are looked up before one-word ones.
const twoWord = argv.length >= 2 ? `${argv[0]} ${argv[1]}` : '';
const [name, ...rest] = twoWord in commands ? [twoWord, ...argv.slice(2)] : argv;

function printUsage() {
  console.log(`Usage: mosaic <command> [options]

Commands:
${Object.entries(commands)
  .map(([commandName, command]) => `  ${commandName.padEnd(18)} ${command.summary}`)
  .join('\n')}`);
}

const command = name ? commands[name] : undefined;
if (!command) {
  printUsage();
  process.exit(name && name !== 'help' && name !== '--help' ? 1 : 0);
}

try {
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  const exitCode = await command.run({ values: values as Record<string, string | boolean | undefined>, positionals });
  if (typeof exitCode === 'number' && exitCode !== 0) process.exit(exitCode);
} catch (error) {
  console.error(`mosaic ${name}: ${(error as Error).message}`);
  process.exit(1);
}
