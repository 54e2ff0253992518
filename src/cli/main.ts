import { Command, CommanderError, Option } from 'commander';
import type { ValidateCommandOptions } from './validate.js';
import type { MigrateCommandOptions } from './migrate.js';
import type { ReleaseCommandOptions } from './release.js';
import type { ObligationsOptions } from './obligations.js';
import { packageVersion } from './io.js';

/** Exit codes used by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const formatOption = (): Option => new Option('--format <format>', 'utdataformat').choices(['text', 'json', 'github']).default('text');
const langOption = (): Option => new Option('--lang <lang>', 'språk för meddelanden').choices(['sv', 'en']).default('sv');

/** Reports a bug in kodkatalog on stderr: the error's name only, no user data (the stack with KODKATALOG_DEBUG). */
function reportInternalError(e: unknown): void {
  process.stderr.write(`kodkatalog: internt fel (${e instanceof Error ? e.name : 'okänt'}). Rapportera felet till förvaltaren av kodkatalog.\n`);
  if (process.env.KODKATALOG_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
}

/**
 * A reader that stops early (`kodkatalog validate … | head`) is not an error. On EPIPE on stdout
 * or stderr the process stops at once and quietly, with the exit code so far: 0 while a command
 * is still running (it cannot know its result yet), the command's own once it has returned.
 * Any other error on these streams is an internal error (exit 2).
 */
function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      reportInternalError(e);
      process.exit(EXIT.usage);
    });
  }
}

/**
 * Runs the CLI with the given arguments and returns the exit code. Only cli/ prints; an exception
 * that reaches here is a bug in kodkatalog, reported as an internal error without user data.
 */
export async function main(argv: readonly string[]): Promise<number> {
  // Each command's code is loaded when it runs, so that a command starts without loading the
  // others' (the generators and their libraries take about 0.1 s).
  const generators = async () => (await import('../../generators/index.js')).GENERATORS;
  const schemaFiles = async () => (await import('./sources.js')).schemaFilesOf(await generators());
  exitQuietlyOnBrokenPipe();
  let code: number = EXIT.ok;
  const program = new Command('kodkatalog')
    .description('Kodkatalog för socialtjänstdataregistret: kontrollera, bygg och validera.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  program
    .command('validate')
    .description('Kontrollera en inlämningsfil (CSV, NDJSON eller JSON) mot en uppgiftsskyldighet, på den egna datorn.')
    .argument('<files...>', 'filerna i inlämningen (t.ex. person.csv insats.csv)')
    .requiredOption('--obligation <id>', 'uppgiftsskyldigheten, t.ex. kommun-lss')
    .option('--period <period>', 'rapportperioden, t.ex. 2027-03, 2027-Q1 eller 2027')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .option('--release <dir>', 'en byggd katalog (dist/catalogue) att kontrollera mot i stället')
    .addOption(new Option('--format <format>', 'rapportens format').choices(['text', 'json', 'csv', 'html']).default('text'))
    .option('--max-errors <n>', 'visa högst så många fynd (alla räknas)')
    .addOption(langOption())
    .addOption(new Option('--encoding <encoding>', 'filens teckenkodning').choices(['utf-8', 'windows-1252']).default('utf-8'))
    .option('--record-type <id>', 'posttypen för poster som inte anger den själva')
    .addOption(new Option('--input-format <format>', 'filens format om filändelsen inte säger det').choices(['csv', 'ndjson', 'json']))
    .option('--docs-base <url>', 'var dokumentationen finns, för länkar i rapporten')
    .action(async (files: string[], opts: ValidateCommandOptions) => {
      code = await (await import('./validate.js')).validateCommand(files, opts);
    });

  program
    .command('check')
    .description('Kontrollera en katalog: format, referenser och regler.')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .option('--previous <rev|dir>', 'förra publicerade versionen: git-revision eller mapp (annars previousRelease i catalogue.yaml)')
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (opts: { catalogue: string; previous?: string; format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = await (await import('./check.js')).checkCommand(opts, { schemaFiles: await schemaFiles() });
    });

  program
    .command('build')
    .description('Kontrollera katalogen och bygg scheman, typer, validerare, kodlistor och dokumentation.')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .option('--out <dir>', 'mapp för det byggda', 'dist/catalogue')
    .option('--only <name...>', 'bara dessa generatorer')
    .option('--templates <dir>', 'egna mallar för dokumentationen')
    .option('--previous <rev|dir>', 'förra publicerade versionen, för ändringarna i dokumentationen (annars previousRelease i catalogue.yaml)')
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (opts: { catalogue: string; out: string; only?: string[]; templates?: string; previous?: string; format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = await (await import('./build.js')).buildCommand(await generators(), opts);
    });

  program
    .command('verify')
    .description('Kontrollera att en byggd katalog stämmer med sitt manifest.')
    .argument('[dir]', 'den byggda mappen', 'dist/catalogue')
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (dir: string, opts: { format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      code = (await import('./build.js')).verifyCommand(dir, opts);
    });

  program
    .command('obligations')
    .description('Vad ska vi rapportera, och när? Uppgiftsskyldigheter, uppgifter och sista dagar för en aktör.')
    .option('--actor <code>', 'vem som rapporterar, t.ex. kommun')
    .option('--area <code>', 'bara ett verksamhetsområde, t.ex. lss')
    .option('--date <date>', 'läget denna dag och inlämningar ett år framåt (ÅÅÅÅ-MM-DD)')
    .option('--from <date>', 'inlämningar med sista dag från och med (ÅÅÅÅ-MM-DD)')
    .option('--to <date>', 'inlämningar med sista dag till och med (ÅÅÅÅ-MM-DD)')
    .option('--element <id>', 'vilka uppgiftsskyldigheter som efterfrågar en uppgift')
    .addOption(new Option('--format <format>', 'utdataformat').choices(['table', 'json', 'markdown', 'ics']).default('table'))
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .option('--docs-base <url>', 'början på länkar till dokumentationen (markdown)', 'docs/')
    .addOption(langOption())
    .action(async (opts: ObligationsOptions) => {
      code = (await import('./obligations.js')).obligationsCommand(opts);
    });

  program
    .command('docs')
    .alias('preview')
    .description('Bygg dokumentationen; med --serve visas den på http://127.0.0.1 medan du skriver.')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .option('--out <dir>', 'mapp för det byggda (utan --serve)', 'dist/catalogue')
    .option('--templates <dir>', 'egna mallar för dokumentationen')
    .option('--serve', 'visa dokumentationen i webbläsaren i stället för att skriva filer')
    .option('--port <n>', 'port för --serve (0 väljer en ledig)', '4000')
    .option('--previous <rev|dir>', 'förra publicerade versionen, för ändringarna (annars previousRelease i catalogue.yaml)')
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (opts: { catalogue: string; out: string; templates?: string; serve?: boolean; port: string; previous?: string; format: 'text' | 'json' | 'github'; lang: 'sv' | 'en' }) => {
      const all = await generators();
      if (!all.some((g) => g.name === 'docs')) {
        process.stderr.write('kodkatalog: dokumentationsgeneratorn är inte registrerad.\n');
        code = EXIT.usage;
        return;
      }
      code = opts.serve ? (await (await import('./docs.js')).docsServeCommand(all, opts)).code : await (await import('./build.js')).buildCommand(all, { ...opts, only: ['docs'] });
    });

  // --- versions: diff, migrate, release (src/diff, src/migrate, src/versions) ---
  program
    .command('diff')
    .description('Jämför två versioner av katalogen (mappar eller git-revisioner) och visa vad som ändrats för vem.')
    .argument('<old>', 'äldre version: mapp eller git-revision, t.ex. v0.1.0')
    .argument('<new>', 'nyare version: mapp eller git-revision, t.ex. HEAD')
    .option('--path <dir>', 'katalogens mapp i git-förrådet', 'catalogue')
    .addOption(new Option('--format <format>', 'utdataformat').choices(['text', 'markdown', 'json']).default('text'))
    .addOption(langOption())
    .action(async (oldSpec: string, newSpec: string, opts: { path: string; format: 'text' | 'markdown' | 'json'; lang: 'sv' | 'en' }) => {
      code = await (await import('./diff.js')).diffCommand(oldSpec, newSpec, opts, await schemaFiles());
    });

  program
    .command('migrate')
    .description('Översätt koderna i en inlämningsfil (CSV) till en nyare version; lista rader som behöver ett beslut.')
    .argument('<file>', 'inlämningsfilen (CSV med semikolon, rubrikrad med uppgifternas id)')
    .requiredOption('--from <version>', 'versionen filen följer: mapp eller git-revision')
    .requiredOption('--to <version>', 'versionen att översätta till: mapp eller git-revision')
    .option('--element <id...>', 'bara dessa kolumner')
    .option('--out <file>', 'skriv resultatet hit (skrivs helt eller inte alls)')
    .option('--path <dir>', 'katalogens mapp i git-förrådet', 'catalogue')
    .addOption(new Option('--format <format>', 'utdataformat').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (file: string, opts: MigrateCommandOptions) => {
      code = (await import('./migrate.js')).migrateCommand(file, opts);
    });

  program
    .command('release')
    .description('Publicera katalogens version: status published och en releasepost i catalogue.yaml.')
    .option('--catalogue <dir>', 'katalogens mapp', 'catalogue')
    .requiredOption('--date <date>', 'releasedatum ÅÅÅÅ-MM-DD (verktyget läser aldrig klockan)')
    .option('--previous <rev|dir>', 'förra publicerade versionen (annars previousRelease i catalogue.yaml)')
    .addOption(formatOption())
    .addOption(langOption())
    .action(async (opts: ReleaseCommandOptions) => {
      code = await (await import('./release.js')).releaseCommand(opts, await schemaFiles());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    reportInternalError(e);
    return EXIT.usage;
  }
}
