import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '../../src/validate/engine/model.js';
import { modelModule } from '../../src/validate/model-module.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/kodkatalog.js');
const catalogue = join(root, 'catalogue');
// One of Skatteverket's published test numbers, used as a canary: it must never be printed.
const CANARY = '200001012384';
const leaks = (text: string): boolean => text.includes(CANARY) || text.includes(CANARY.slice(2)) || text.includes('2384');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kodkatalog-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'validate', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, KODKATALOG_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, contents: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, contents);
  return name;
}

const PERSON = 'personnummer;identitetstyp;kon;fodelsear;uppgiftsdatum;folkbokforingskommun\n';

describe('kodkatalog validate', () => {
  it('reports each problem with file, line, record type, field, severity and rule, masked, and exits 1', () => {
    const insats = file(
      'insats.csv',
      'insats-id;personnummer;ansvarig-kommun;insatstyp-lss;insats-startdatum;insats-slutdatum\n' +
        `a1;${CANARY};0180;2;2027-02-01;2027-01-01\n` +
        `a2;${CANARY.slice(0, 11)}5;0180;99;2027-02-01;\n`,
    );
    const r = run([insats, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('insats.csv:2 insats.insats-slutdatum - error insats-slut-efter-start: Insatsens slutdatum ligger före startdatumet. [20000101-****]');
    expect(r.stdout).toContain('insats.csv:3 insats.personnummer - error personal-identity-number: Personnummer har fel kontrollsiffra.');
    expect(r.stdout).toContain('insats.csv:3 insats.insatstyp-lss - error code:');
    expect(r.stdout).toMatch(/2 poster i 1 fil kontrollerade mot kommun-lss för 2027: \d+ fel\./);
    expect(leaks(r.stdout + r.stderr)).toBe(false);
  });

  it('passes a clean file with exit 0, and says so', () => {
    const person = file('person.csv', PERSON + `${CANARY};personnummer;2;2000;2027-10-01;0180\n`);
    const r = run([person, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--record-type', 'person']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1 poster i 1 fil kontrollerade mot kommun-lss för 2027: inga fel.');
    expect(r.code).toBe(0);
  });

  it('never prints the personnummer on any error path', () => {
    const bad = Buffer.concat([Buffer.from(PERSON + `${CANARY};personnummer;2;2000;2027-10-01;G`), Buffer.from([0xe4]), Buffer.from('vle\n')]);
    const cases: [string, string[], number][] = [
      [file('kodning.csv', bad), ['--record-type', 'person'], 2],
      [file('trasig.json', `[{"recordType":"person","personnummer":"${CANARY}"},{"recordType":"person","personnummer":"${CANARY}`), [], 2],
      [file('syntax.ndjson', `{"recordType":"person","personnummer":"${CANARY}"\n{"personnummer": ${CANARY}}\n`), [], 1],
      [file('falt.csv', PERSON + `${CANARY};personnummer;2\n"${CANARY};x\n`), ['--record-type', 'person'], 1],
      [file('rubrik.csv', `personnummer;${CANARY};personnummer\n${CANARY};1;2\n`), ['--record-type', 'person'], 2],
      [file('nul.csv', PERSON + `${CANARY}\u0000;personnummer;2;2000;2027-10-01;0180\n`), ['--record-type', 'person'], 1],
    ];
    for (const [name, extra, code] of cases) {
      for (const format of ['text', 'json', 'csv', 'html']) {
        const r = run([name, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--format', format, ...extra]);
        expect([name, format, r.code]).toEqual([name, format, code]);
        expect([name, format, leaks(r.stdout + r.stderr)]).toEqual([name, format, false]);
      }
    }
  });

  it('an internal error prints no record value and no stack trace, and exits 2', () => {
    const release = join(dir, 'trasig-release');
    // A model that breaks the engine half-way: a stand-in for a bug in kodkatalog.
    const validators = join(release, 'validators');
    mkdirSync(validators, { recursive: true });
    const broken = { modelVersion: MODEL_VERSION, obligations: [{ id: 'x', recordTypes: [{ recordType: 'p' }], rules: null }], recordTypes: [{ id: 'p', elements: null }], elements: [], classifications: [] };
    writeFileSync(join(validators, 'model.js'), modelModule(broken as never));
    const data = file('krasch.csv', `personnummer\n${CANARY}\n`);
    const r = run([data, '--obligation', 'x', '--release', release]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('internt fel');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(leaks(r.stdout + r.stderr)).toBe(false);
  });

  it('reads the model of a release as data and never runs it: a model.js not as the build writes it is refused (exit 2)', () => {
    const release = join(dir, 'kod-release');
    mkdirSync(join(release, 'validators'), { recursive: true });
    const marker = join(dir, 'korde.txt');
    writeFileSync(join(release, 'validators', 'model.js'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'x');\nexport default JSON.parse('{}');\n`);
    const r = run([file('kod.csv', `personnummer\n${CANARY}\n`), '--obligation', 'x', '--release', release]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inte en katalog byggd av kodkatalog');
    expect(existsSync(marker)).toBe(false);
    expect(leaks(r.stdout + r.stderr)).toBe(false);
  });

  it('refuses a release built by a kodkatalog with another model version, and says to build it again (exit 2)', () => {
    const release = join(dir, 'gammal-release');
    mkdirSync(join(release, 'validators'), { recursive: true });
    const old = { modelVersion: 1, catalogue: { id: 'x', version: '1.0.0' }, classifications: [{ id: 'k', label: { sv: 'K' }, codes: [{ code: '01' }] }], elements: [], recordTypes: [], obligations: [] };
    writeFileSync(join(release, 'validators', 'model.js'), modelModule(old as never));
    const data = file('gammal.csv', `personnummer\n${CANARY}\n`);
    const r = run([data, '--obligation', 'x', '--release', release]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kodkatalog: ${release} är byggd av en annan version av kodkatalog (modellversion 1, den här läser ${MODEL_VERSION}). Bygg om den med kodkatalog build.\n`);
    const en = run([data, '--obligation', 'x', '--release', release, '--lang', 'en']);
    expect(en.stderr).toBe(`kodkatalog: ${release} was built by another version of kodkatalog (model version 1, this one reads ${MODEL_VERSION}). Build it again with kodkatalog build.\n`);
    expect(leaks(r.stdout + r.stderr + en.stdout + en.stderr)).toBe(false);
  });

  it('reports invalid UTF-8 with its byte offset and suggests windows-1252, which then works', () => {
    const name = file('latin1.csv', Buffer.from(PERSON + `${CANARY};personnummer;2;2000;2027-10-01;0180\n${CANARY};personnummer;2;2000;2027-10-01;018\u00e4\n`, 'latin1'));
    const r = run([name, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--record-type', 'person']);
    expect(r.code).toBe(2);
    const offset = Buffer.byteLength(PERSON + `${CANARY};personnummer;2;2000;2027-10-01;0180\n${CANARY};personnummer;2;2000;2027-10-01;018`);
    expect(r.stdout).toContain(`latin1.csv - fatal encoding: Filen är inte giltig UTF-8 (byte ${offset}). Är den sparad som windows-1252 (t.ex. från äldre Excel)? Prova --encoding windows-1252.`);
    const again = run([name, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--record-type', 'person', '--encoding', 'windows-1252']);
    expect(again.stdout).not.toContain('encoding');
    expect(again.stdout).toContain('latin1.csv:3 person.folkbokforingskommun - error code:');
  });

  it('the same file passes for a period before a phase and fails for one after it', () => {
    const cat = join(dir, 'faser');
    cpSync(join(root, 'test/fixtures/catalogues/minimal'), cat, { recursive: true });
    writeFileSync(
      join(cat, 'data-elements', 'belopp.yaml'),
      '# yaml-language-server: $schema=../../../../../schema/data-element.schema.json\nid: belopp\nlabel: { sv: Belopp }\ndefinition: { sv: Utbetalt belopp. }\nstatus: active\nvalueType: integer\nprivacy: { category: intervention-activity, legalBasis: [sol-2025-400] }\n',
    );
    const rt = join(cat, 'record-types', 'insats.yaml');
    writeFileSync(rt, readFileSync(rt, 'utf8') + '  - element: belopp\n    required: required\n    validFrom: "2028-01-01"\n');
    const name = file('insats-fas.csv', 'insats-id\ni1\n');
    const before = run([name, '--obligation', 'kommun-bistand', '--period', '2027-12', '--catalogue', cat]);
    expect(before.code).toBe(0);
    const after = run([name, '--obligation', 'kommun-bistand', '--period', '2028-01', '--catalogue', cat]);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('insats-fas.csv:2 insats.belopp - error required:');
  });

  it('writes JSON, CSV and a self-contained HTML report with a summary per rule', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `a${i};${CANARY};0180;2;2027-02-01;2027-01-01`).join('\n');
    const name = file('insats.csv', 'insats-id;personnummer;ansvarig-kommun;insatstyp-lss;insats-startdatum;insats-slutdatum\n' + rows + '\n');
    const args = [name, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--max-errors', '5'];
    const json = JSON.parse(run([...args, '--format', 'json']).stdout) as { findings: unknown[]; summary: { records: number; rules: { ruleId: string; count: number; first: unknown[] }[] } };
    expect(json.findings).toHaveLength(5);
    expect(json.summary.records).toBe(30);
    const order = json.summary.rules.find((r) => r.ruleId === 'insats-slut-efter-start')!;
    expect(order.count).toBe(30);
    expect(order.first).toEqual([2, 3, 4, 5, 6].map((line) => ({ file: 'insats.csv', line })));
    const csv = run([...args, '--format', 'csv']).stdout;
    expect(csv.startsWith('\uFEFFfil;rad;posttyp;uppgift;allvarlighet;regel;kod;meddelande;person\n')).toBe(true);
    expect(csv.trim().split('\n')).toHaveLength(6);
    const html = run([...args, '--format', 'html']).stdout;
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<select id="regel">');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(leaks(csv + html)).toBe(false);
  });

  it('writes a report far larger than the 64 kB blocks it is written in whole: every finding once, å, ä and ö intact', () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `a${i};${CANARY};0180;2;2027-02-01;2027-01-01`).join('\n');
    const name = file('manga.csv', 'insats-id;personnummer;ansvarig-kommun;insatstyp-lss;insats-startdatum;insats-slutdatum\n' + rows + '\n');
    const args = [name, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--record-type', 'insats'];
    const out = run([...args, '--format', 'json']).stdout;
    expect(out.length).toBeGreaterThan(10 * 65_536);
    const json = JSON.parse(out) as { findings: { line: number; ruleId: string; message: string }[]; summary: { findings: Record<string, number> } };
    expect(json.findings).toHaveLength(Object.values(json.summary.findings).reduce((a, b) => a + b, 0));
    const order = json.findings.filter((f) => f.ruleId === 'insats-slut-efter-start');
    expect(order.map((f) => f.line)).toEqual(Array.from({ length: 3_000 }, (_, i) => i + 2));
    expect(new Set(order.map((f) => f.message))).toEqual(new Set(['Insatsens slutdatum ligger före startdatumet.']));
    const text = run(args).stdout.split('\n').filter((l) => l.startsWith('manga.csv:') && l.includes(' insats-slut-efter-start: '));
    expect(text).toHaveLength(3_000);
  });

  it('exits quietly with 0 when the reader closes stdout early (| head): no EPIPE, no stack trace', async () => {
    // Some MB of JSON findings: far more than a pipe holds, so writes go on after the reader has gone.
    const rows = Array.from({ length: 5000 }, (_, i) => `a${i};${CANARY};0180;99;2027-02-01;2027-01-01`).join('\n');
    const name = file('manga.csv', 'insats-id;personnummer;ansvarig-kommun;insatstyp-lss;insats-startdatum;insats-slutdatum\n' + rows + '\n');
    const child = spawn(process.execPath, [bin, 'validate', name, '--obligation', 'kommun-lss', '--period', '2027', '--catalogue', catalogue, '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, KODKATALOG_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      stdout = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect(stdout.startsWith('{\n  "findings": [')).toBe(true);
    expect(stderr).not.toMatch(/Error|EPIPE|\n\s+at /);
    expect(stderr).toBe('');
    expect([code, signal]).toEqual([0, null]);
  });

  it('usage errors exit 2: no such file, no such obligation, missing --obligation', () => {
    expect(run(['finns-inte.csv', '--obligation', 'kommun-lss', '--catalogue', catalogue]).code).toBe(2);
    expect(run([file('x.csv', 'a\n1\n'), '--obligation', 'nej', '--catalogue', catalogue]).code).toBe(2);
    expect(run([file('y.csv', 'a\n1\n'), '--catalogue', catalogue]).code).toBe(2);
  });
});
