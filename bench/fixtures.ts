import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a catalogue with one classification of `count` codes in a CSV file (three-level hierarchy),
 * one element and record type using it, and the three bound classifications. Deterministic.
 */
export function writeLargeCatalogue(dir: string, count: number): void {
  const header = (kind: string): string => `# yaml-language-server: $schema=../../schema/${kind}.schema.json\n`;
  const file = (rel: string, text: string): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  file(
    'catalogue.yaml',
    `${header('catalogue').replace('../../', '../')}id: stor\nlabel: { sv: Stor katalog }\nversion: 1.0.0\nstatus: draft\nlanguages: [sv]\nbindings: { legalBasis: lagrum, actor: aktor, area: omrade }\n`,
  );
  const small = (id: string, code: string): string =>
    `${header('classification')}id: ${id}\nlabel: { sv: ${id} }\ndefinition: { sv: Liten lista. }\nstatus: active\ncodes:\n  - { code: ${code}, label: { sv: ${code} } }\n`;
  file('classifications/lagrum.yaml', small('lagrum', 'lag'));
  file('classifications/aktor.yaml', small('aktor', 'kommun'));
  file('classifications/omrade.yaml', small('omrade', 'lss'));
  file(
    'classifications/diagnos.yaml',
    `${header('classification')}id: diagnos\nlabel: { sv: Stor lista }\ndefinition: { sv: En lista med ${count} koder. }\nstatus: active\ncodesFile: diagnos.csv\n`,
  );
  file('classifications/diagnos.csv', largeCodesCsv(count));
  file(
    'data-elements/diagnoskod.yaml',
    `${header('data-element')}id: diagnoskod\nlabel: { sv: Kod }\ndefinition: { sv: En kod ur den stora listan. }\nstatus: active\nvalueType: code\nclassification: diagnos\nprivacy: { category: none }\n`,
  );
  file(
    'record-types/rad.yaml',
    `${header('record-type')}id: rad\nlabel: { sv: Rad }\ndefinition: { sv: En rad. }\nstatus: active\nkey: [diagnoskod]\nelements:\n  - { element: diagnoskod, required: required }\n`,
  );
}

/** The rows of the large classification: groups A..., subgroups, leaves; about 155 bytes a row. */
export function* largeCodes(count: number): Generator<{ code: string; parent: string; label: string; validFrom: string; status: string }> {
  const groups = Math.max(1, Math.round(count / 1000));
  const sub = 10;
  let emitted = 0;
  for (let g = 0; g < groups && emitted < count; g++) {
    const gc = `G${String(g).padStart(3, '0')}`;
    yield { code: gc, parent: '', label: `Grupp ${g} med en beskrivande benämning`, validFrom: '2027-01-01', status: 'active' };
    emitted++;
    for (let s = 0; s < sub && emitted < count; s++) {
      const sc = `${gc}.${s}`;
      yield { code: sc, parent: gc, label: `Undergrupp ${g}.${s} med en beskrivande benämning`, validFrom: '2027-01-01', status: 'active' };
      emitted++;
      const leaves = Math.ceil((count / groups - 1 - sub) / sub);
      for (let l = 0; l < leaves && emitted < count; l++) {
        yield { code: `${sc}.${l}`, parent: sc, label: `Kod ${g}.${s}.${l}: en benämning av ungefär den längd som verkliga koder har`, validFrom: '2027-01-01', status: l % 50 === 0 ? 'draft' : 'active' };
        emitted++;
      }
    }
  }
  for (let i = 0; emitted < count; i++, emitted++) {
    yield { code: `X${i}`, parent: '', label: `Extra kod ${i}`, validFrom: '2027-01-01', status: 'active' };
  }
}

/** The codes as a CSV codes file. */
export function largeCodesCsv(count: number): string {
  let out = 'code;parent;label;validFrom;status\n';
  for (const c of largeCodes(count)) out += `${c.code};${c.parent};${c.label};${c.validFrom};${c.status}\n`;
  return out;
}

/** The same codes as a YAML classification, for comparing with the yaml package alone. */
export function largeCodesYaml(count: number): string {
  let out = 'id: diagnos\nlabel: { sv: Stor lista }\ndefinition: { sv: Lista. }\nstatus: active\ncodes:\n';
  for (const c of largeCodes(count)) {
    out += `  - code: "${c.code}"\n    label: { sv: "${c.label}" }\n${c.parent ? `    parent: "${c.parent}"\n` : ''}    validFrom: "${c.validFrom}"\n    status: ${c.status}\n`;
  }
  return out;
}
