import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A csops subcommand: one file per command in src/commands, exporting `command`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<Command | undefined> {
  if (!commandNames().includes(name)) return undefined;
  const mod = (await import(`./commands/${name}.ts`)) as { command: Command };
  return mod.command;
}

async function help(): Promise<string> {
  const lines = ['csops — customer-success operations inside the CRM', '', 'Commands:'];
  for (const name of commandNames()) {
    const c = await load(name);
    if (c) lines.push(`  ${c.name.padEnd(20)} ${c.summary}`);
  }
  lines.push('', 'Run `csops <command> --help` for its flags.');
  return lines.join('\n');
}

/** `csops rescore salesforce` runs commands/rescore-salesforce.ts when that file exists. */
function compound(argv: string[]): string[] {
  const [name, sub, ...rest] = argv;
  if (name && sub && commandNames().includes(`${name}-${sub}`)) return [`${name}-${sub}`, ...rest];
  return argv;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = compound(argv);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await help()}\n`);
    return name ? 0 : 1;
  }
  const command = await load(name);
  if (!command) {
    process.stderr.write(`csops: unknown command "${name}"\n\n${await help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}
