import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs the built CLI as a user would, from the repository root with relative paths, so the
 * output contains no absolute paths. `npm test` compiles first; a bare `vitest run` compiles here
 * when the build is missing.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'test/fixtures/catalogues';
const invalidCase = `${fixtures}/invalid/ref-element-not-in-record-type`;

function kodkatalog(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/kodkatalog.js', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(repo, 'dist/lib/src/cli/main.js'))) {
    // tsc exits non-zero on type errors but still emits; what matters is that the CLI exists.
    spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', '.'], { cwd: repo, stdio: 'ignore' });
  }
  expect(existsSync(join(repo, 'dist/lib/src/cli/main.js'))).toBe(true);
});

describe('kodkatalog check', () => {
  it('exits 0 and says so for a clean catalogue', () => {
    expect(kodkatalog('check', '--catalogue', `${fixtures}/minimal`)).toEqual({ status: 0, stdout: 'Inga fel eller varningar.\n', stderr: '' });
    expect(kodkatalog('check', '--catalogue', `${fixtures}/kitchen-sink`)).toEqual({ status: 0, stdout: 'Inga fel eller varningar.\n', stderr: '' });
  });

  it('says so in English with --lang en', () => {
    expect(kodkatalog('check', '--catalogue', `${fixtures}/minimal`, '--lang', 'en').stdout).toBe('No errors or warnings.\n');
  });

  it('exits 1 and prints each finding with a code frame and a summary', async () => {
    const r = kodkatalog('check', '--catalogue', invalidCase);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('./__snapshots__/ref-element-not-in-record-type.sv.txt');
  });

  it('prints the same findings in English with --lang en', async () => {
    const r = kodkatalog('check', '--catalogue', invalidCase, '--lang', 'en');
    expect(r.status).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('./__snapshots__/ref-element-not-in-record-type.en.txt');
  });

  it('prints GitHub workflow commands with --format github', async () => {
    const r = kodkatalog('check', '--catalogue', invalidCase, '--format', 'github');
    expect(r.status).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('./__snapshots__/ref-element-not-in-record-type.github.txt');
  });

  it('prints one JSON document with --format json', () => {
    const r = kodkatalog('check', '--catalogue', invalidCase, '--format', 'json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number; column: number }[]; summary: unknown };
    expect(out.summary).toEqual({ fatal: 0, error: 1, warning: 1, info: 0 });
    expect(out.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['rule/unused-element', `${invalidCase}/data-elements/belopp.yaml`, 2, 5],
      ['ref/element-not-in-record-type', `${invalidCase}/obligations/kommun-bistand.yaml`, 13, 16],
    ]);
  });

  it('prints valid JSON with an empty list for a clean catalogue', () => {
    const r = kodkatalog('check', '--catalogue', `${fixtures}/minimal`, '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [], summary: { fatal: 0, error: 0, warning: 0, info: 0 } });
  });

  it('exits 0 when there are only warnings', () => {
    const r = kodkatalog('check', '--catalogue', `${fixtures}/invalid/rule-unused-element`);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('Hittade 1 varning.\n')).toBe(true);
  });

  it('exits 1 when catalogue.yaml raises a warning to an error', () => {
    const r = kodkatalog('check', '--catalogue', `${fixtures}/invalid/severity-error`);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      `${fixtures}/invalid/severity-error/data-elements/belopp.yaml:2:5 - error rule/unused-element: Uppgiften "belopp" ingår inte i någon posttyp.`,
    );
  });

  it('exits 2 for a directory that does not exist', () => {
    expect(kodkatalog('check', '--catalogue', 'test/fixtures/catalogues/finns-inte')).toEqual({
      status: 2,
      stdout: 'error load/not-a-directory: "test/fixtures/catalogues/finns-inte" finns inte eller är inte en mapp.\nHittade 1 fel.\n',
      stderr: '',
    });
  });

  it('exits 2 for a directory without catalogue.yaml', () => {
    const r = kodkatalog('check', '--catalogue', `${fixtures}/invalid/load-no-manifest`);
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe(`error load/no-manifest: Katalogen "${fixtures}/invalid/load-no-manifest" saknar catalogue.yaml. Ange katalogens mapp med --catalogue.`);
  });

  it('exits 2 for an unknown option or an unknown format, and says why on stderr', () => {
    const unknown = kodkatalog('check', '--catalogue', `${fixtures}/minimal`, '--bogus');
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('--bogus');
    const format = kodkatalog('check', '--catalogue', `${fixtures}/minimal`, '--format', 'xml');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('xml');
  });
});
