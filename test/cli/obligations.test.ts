import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/api.js';
import { resolveObligations } from '../../src/obligations/resolve.js';

/**
 * Runs the built CLI as a user would, from the repository root. Every date comes from the
 * arguments; nothing reads the clock, and the output must not depend on the time zone.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const temps: string[] = [];

function kodkatalog(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/kodkatalog.js', 'obligations', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(repo, 'dist/lib/src/cli/obligations.js'))) {
    spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', '.'], { cwd: repo, stdio: 'ignore' });
  }
  expect(existsSync(join(repo, 'dist/lib/src/cli/obligations.js'))).toBe(true);
});
afterAll(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('kodkatalog obligations', () => {
  it('tells a municipality in Swedish everything it must send in the coming year, and by when', async () => {
    const r = kodkatalog(['--actor', 'kommun', '--date', '2027-03-01']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Sista dag för inlämning: 61 inlämningar för 6 uppgiftsskyldigheter');
    expect(r.stdout).toContain('mån 2027-10-25  1 oktober 2027    Insatser enligt LSS');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/obligations/kommun-2027-03-01.txt');
  });

  it('gives the same bytes in every time zone', () => {
    const args = ['--actor', 'kommun', '--from', '2027-12-20', '--to', '2028-01-20', '--format', 'ics'];
    const utc = kodkatalog(args, { TZ: 'UTC' });
    expect(utc.stderr).toBe('');
    expect(utc.stdout).toContain('BEGIN:VEVENT');
    for (const TZ of ['Pacific/Kiritimati', 'America/Adak', 'Europe/Stockholm']) expect(kodkatalog(args, { TZ })).toEqual(utc);
  });

  it('writes a Markdown checklist with links under --docs-base', async () => {
    const r = kodkatalog(['--actor', 'kommun', '--area', 'lss', '--date', '2027-03-01', '--format', 'markdown']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/obligations/kommun-lss-2027-03-01.md');
    const abs = kodkatalog(['--actor', 'kommun', '--area', 'lss', '--date', '2027-03-01', '--format', 'markdown', '--docs-base', 'https://example.org/docs/']);
    expect(abs.stdout).toContain('(https://example.org/docs/uppgifter/personnummer.html)');
  });

  it('writes an iCalendar file that a real parser reads', async () => {
    const r = kodkatalog(['--actor', 'kommun', '--from', '2027-01-01', '--to', '2027-12-31', '--format', 'ics']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    const events = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent');
    // 5 monthly obligations x 11 periods due in 2027 (February to December) + 1 LSS snapshot.
    expect(events).toHaveLength(56);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/obligations/kommun-2027.ics');
  });

  it('prints JSON equal to the library answer', () => {
    const r = kodkatalog(['--actor', 'enskild-verksamhet', '--from', '2027-01-01', '--to', '2027-12-31', '--format', 'json']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    const expected = resolveObligations(loadCatalogue(join(repo, 'catalogue')).catalogue!, { actor: 'enskild-verksamhet', from: '2027-01-01', to: '2027-12-31' }).value;
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('answers in English with --lang en', async () => {
    const r = kodkatalog(['--actor', 'enskild-verksamhet', '--date', '2027-12-01', '--lang', 'en']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/obligations/enskild-verksamhet-2027-12-01.en.txt');
  });

  it('lists the obligations that ask for an element', async () => {
    const r = kodkatalog(['--element', 'personnummer']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/obligations/element-personnummer.txt');
    const md = kodkatalog(['--element', 'avslutsorsak', '--actor', 'kommun', '--format', 'markdown']);
    expect({ status: md.status, stderr: md.stderr }).toEqual({ status: 0, stderr: '' });
    await expect(md.stdout).toMatchFileSnapshot('__snapshots__/obligations/element-avslutsorsak-kommun.md');
    const none = kodkatalog(['--element', 'avslutsorsak', '--date', '2027-06-01']);
    expect(none).toEqual({ status: 0, stdout: 'Ingen uppgiftsskyldighet efterfrågar uppgiften Avslutsorsak (avslutsorsak) den 2027-06-01.\n', stderr: '' });
  });

  it('exits 0 with a clear message when nothing is found', () => {
    const r = kodkatalog(['--actor', 'kommun', '--area', 'vald-i-nara-relationer', '--date', '2027-03-01']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('Inga uppgiftsskyldigheter för Kommun (socialnämnd) inom Våld i nära relationer gäller eller har en inlämning under perioden 2027-03-01 – 2028-02-29.');
    expect(kodkatalog(['--actor', 'kommun', '--date', '2025-01-01']).stdout).toContain('Inga uppgiftsskyldigheter för Kommun (socialnämnd)');
    // A calendar needs at least one event (RFC 5545): nothing is written, and stderr says why.
    expect(kodkatalog(['--actor', 'region', '--date', '2027-03-01', '--format', 'ics'])).toEqual({
      status: 0,
      stdout: '',
      stderr: 'kodkatalog obligations: ingen inlämning har sista dag 2027-03-01 – 2028-02-29, så ingen kalender skrevs.\n',
    });
  });

  it.each([
    [['--actor', 'kommun', '--date', '2027-02-30'], 'kodkatalog obligations: --date "2027-02-30" är inte ett datum som finns. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2027-03-01.\n'],
    [['--actor', 'kommun', '--date', '1/3/2027'], 'kodkatalog obligations: --date "1/3/2027" är inte ett datum som finns. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2027-03-01.\n'],
    [['--actor', 'kommun'], 'kodkatalog obligations: Ange vilken dag eller period som gäller: --date ÅÅÅÅ-MM-DD (ett år framåt) eller --from och --to.\n'],
    [['--date', '2027-03-01'], 'kodkatalog obligations: Ange vem som rapporterar med --actor (t.ex. --actor kommun), eller fråga efter en uppgift med --element.\n'],
    [['--actor', 'kommun', '--date', '2027-03-01', '--from', '2027-01-01', '--to', '2027-02-01'], 'kodkatalog obligations: Ange antingen --date eller --from och --to, inte båda.\n'],
    [['--actor', 'kommun', '--from', '2027-01-01'], 'kodkatalog obligations: --from och --to anges tillsammans.\n'],
    [['--actor', 'kommun', '--from', '2027-02-01', '--to', '2027-01-01'], 'kodkatalog obligations: --from 2027-02-01 ligger efter --to 2027-01-01.\n'],
    [['--element', 'personnummer', '--format', 'ics'], 'kodkatalog obligations: --format ics visar sista dagar för inlämningar: använd det med --actor, inte med --element.\n'],
    [['--actor', 'kommun', '--date', '2027-02-30', '--lang', 'en'], 'kodkatalog obligations: --date "2027-02-30" is not a date that exists. Write it as YYYY-MM-DD, e.g. 2027-03-01.\n'],
  ])('exits 2 for a usage error: %j', (args, message) => {
    expect(kodkatalog(args)).toEqual({ status: 2, stdout: '', stderr: message });
  });

  it('exits 2 with a diagnostic for an unknown actor, area or element', () => {
    const actor = kodkatalog(['--actor', 'kommunen', '--date', '2027-03-01']);
    expect(actor.status).toBe(2);
    expect(actor.stdout).toBe('');
    expect(actor.stderr).toBe(
      'error obligations/unknown-actor: Aktörstypen "kommunen" finns inte. Kända aktörstyper: "kommun", "region", "enskild-verksamhet", "staten".\nHittade 1 fel.\n',
    );
    expect(kodkatalog(['--actor', 'kommun', '--area', 'skola', '--date', '2027-03-01']).stderr).toContain('error obligations/unknown-area: Verksamhetsområdet "skola" finns inte.');
    expect(kodkatalog(['--element', 'personnumer', '--lang', 'en'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error obligations/unknown-element: The data element "personnumer" does not exist in the catalogue.\nFound 1 error.\n',
    });
  });

  it('exits 2 without a catalogue and 1 for a catalogue with errors', () => {
    const missing = kodkatalog(['--actor', 'kommun', '--date', '2027-03-01', '--catalogue', 'no-such-folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('load/not-a-directory');

    const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-obligations-'));
    temps.push(dir);
    cpSync(join(repo, 'catalogue'), dir, { recursive: true });
    const file = join(dir, 'obligations/kommun-lss.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('recordType: beslut', 'recordType: beslutt'));
    const broken = kodkatalog(['--actor', 'kommun', '--date', '2027-03-01', '--catalogue', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('error ref/unknown-record-type: Posttypen "beslutt" finns inte.');
    expect(broken.stderr).toContain('katalogen har fel, så svaret går inte att lita på');
  });

  it('is listed in the help', () => {
    const r = spawnSync(process.execPath, ['bin/kodkatalog.js', 'obligations', '--help'], { cwd: repo, encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('--format <format>');
    expect(r.stdout).toContain('--docs-base <url>');
  });
});
