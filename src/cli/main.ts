import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './check.js';
import { packageVersion } from './io.js';

/** Exit codes used by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * Runs the CLI with the given arguments and returns the exit code. Only cli/ prints; an exception
 * that reaches here is a bug in kodkatalog, reported as an internal error without user data.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('kodkatalog')
    .description('Kodkatalog för socialtjänstdataregistret: kontrollera, bygg och validera.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  program
    .command('check')
    .description('Kontrollera en katalog: format, referenser och regler.')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .addOption(new Option('--format <format>', 'utdataformat').choices(['text', 'json', 'github']).default('text'))
    .addOption(new Option('--lang <lang>', 'språk för meddelanden').choices(['sv', 'en']).default('sv'))
    .action((opts: { catalogue: string; format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = checkCommand(opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`kodkatalog: internt fel (${e instanceof Error ? e.name : 'okänt'}). Rapportera felet till förvaltaren av kodkatalog.\n`);
    if (process.env.KODKATALOG_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT.usage;
  }
}
