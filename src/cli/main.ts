import { Command, CommanderError, Option } from 'commander';
import { GENERATORS } from '../../generators/index.js';
import { buildCommand, verifyCommand } from './build.js';
import { checkCommand } from './check.js';
import { packageVersion } from './io.js';

/** Exit codes used by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const formatOption = (): Option => new Option('--format <format>', 'utdataformat').choices(['text', 'json', 'github']).default('text');
const langOption = (): Option => new Option('--lang <lang>', 'språk för meddelanden').choices(['sv', 'en']).default('sv');

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
    .addOption(formatOption())
    .addOption(langOption())
    .action((opts: { catalogue: string; format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = checkCommand(opts);
    });

  program
    .command('build')
    .description('Kontrollera katalogen och bygg scheman, typer, validerare, kodlistor och dokumentation.')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .option('--out <dir>', 'mapp för det byggda', 'dist/catalogue')
    .option('--only <name...>', 'bara dessa generatorer')
    .option('--templates <dir>', 'egna mallar för dokumentationen')
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (opts: { catalogue: string; out: string; only?: string[]; templates?: string; format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = await buildCommand(GENERATORS, opts);
    });

  program
    .command('verify')
    .description('Kontrollera att en byggd katalog stämmer med sitt manifest.')
    .argument('[dir]', 'den byggda mappen', 'dist/catalogue')
    .addOption(formatOption())
    .addOption(langOption())
    .action((dir: string, opts: { format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = verifyCommand(dir, opts);
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
