// The engine's compact code table answers exactly as the Set and Map it replaced: membership of the
// marked codes, and a code's (last) index, whatever the codes' length, characters or number. (It
// knows a code by 62 bits of its 64-bit hash, which holds its length: no probe here is a code whose hash another shares.)
import { describe, expect, it } from 'vitest';
import { CodeTable } from '../../../src/validate/engine/engine.js';
import { createEngine, MODEL_VERSION, type Engine, type ValidationModel } from '../../../src/validate/engine/index.js';

/** What the table replaced: a Map to the last index, a Set of the marked codes. */
function reference(list: readonly string[], marked: (i: number) => boolean): { index: Map<string, number>; marked: Set<string> } {
  const index = new Map<string, number>();
  const set = new Set<string>();
  list.forEach((c, i) => {
    index.set(c, i);
    if (marked(i)) set.add(c);
  });
  return { index, marked: set };
}

function agrees(list: readonly string[], marked: (i: number) => boolean, probes: readonly string[]): void {
  const table = CodeTable.build(list.join(' '), marked);
  const ref = reference(list, marked);
  for (const s of [...list, ...probes]) {
    expect(table.has(s), s).toBe(ref.marked.has(s));
    expect(table.indexOf(s), s).toBe(ref.index.get(s) ?? -1);
  }
}

describe('CodeTable', () => {
  it('finds marked codes, and every code by its index', () => {
    agrees(['01', '0114', '0180', 'grupp'], (i) => i !== 0, ['0', '114', '01140', '', 'GRUPP', '0180 ']);
  });

  it('keeps the last index of a code listed twice, marked when any entry is', () => {
    const table = CodeTable.build('a b a c c', (i) => i === 0 || i === 4);
    expect(table.has('a')).toBe(true);
    expect(table.indexOf('a')).toBe(2);
    expect(table.has('b')).toBe(false);
    expect(table.indexOf('c')).toBe(4);
    expect(table.has('c')).toBe(true);
  });

  it('holds long, empty and non-ASCII codes, and codes alike but for their length', () => {
    const long = ['1234567890', '12345678901', '123456789012', '1234567890123', 'x'.repeat(200), 'x'.repeat(201), '371000000000000000'];
    agrees([...long, 'åäö', 'Å', '\u{1F600}', '\ud800'], () => true, ['', '12345678901 ', '123456789013', 'x'.repeat(199), 'x'.repeat(202), 'åä', 'ÅÄÖ', '\ud801', '\u{1F601}']);
  });

  it('agrees with a Set over 60,000 codes, with misses, near misses and an empty list', () => {
    const list = Array.from({ length: 60_000 }, (_, i) => (i % 3 === 0 ? `G${i}` : i % 3 === 1 ? `${String(i).padStart(6, '0')}.${i % 7}` : `KOD-${i}-${'z'.repeat(i % 17)}`));
    const probes = list.flatMap((c, i) => (i % 97 === 0 ? [`${c}0`, `0${c}`, c.slice(0, -1), c.toLowerCase()] : []));
    agrees(list, (i) => i % 5 !== 0, probes);
    agrees([], () => true, ['', 'a']);
  });
});

describe('code checks with the table', () => {
  const model: ValidationModel = {
    modelVersion: MODEL_VERSION,
    catalogue: { id: 't', version: '1.0.0' },
    classifications: [
      {
        id: 'lista',
        label: { sv: 'Lista' },
        codes: 'G1 G1.1 G1.2 0114 G1.10000000001',
        groups: [0],
        validity: [
          [0, null, null],
          [2, null, '2026-12-31'],
          [3, null, null],
        ],
      },
    ],
    elements: [
      { id: 'rad', label: { sv: 'Rad' }, valueType: 'string' },
      { id: 'datum', label: { sv: 'Datum' }, valueType: 'date' },
      { id: 'kod', label: { sv: 'Kod' }, valueType: 'code', classification: 'lista' },
      { id: 'smal', label: { sv: 'Smal' }, valueType: 'code', classification: 'lista', codes: 'G1 G1.2 okand' },
    ],
    recordTypes: [
      {
        id: 'post',
        label: { sv: 'Post' },
        key: ['rad'],
        elements: [
          { element: 'rad', required: 'required' },
          { element: 'datum', required: 'optional' },
          { element: 'kod', required: 'optional' },
          { element: 'smal', required: 'optional' },
        ],
        rules: [{ id: 'kod-gallde', shape: 'code-valid-on-date', severity: 'error', message: { sv: 'Koden gällde inte.' }, elements: ['kod', 'datum'] }],
      },
    ],
    obligations: [{ id: 'ob', label: { sv: 'Ob' }, period: { kind: 'month' }, recordTypes: [{ recordType: 'post' }], rules: [] }],
  };
  const checker = (engine: Engine) => (over: Record<string, string>) => engine.checkRecord('post', { rad: 'r', ...over }).map((f) => `${f.code}:${f.field}:${f.message.en}`);

  it('reports grouping, unknown, narrowed-out and lost-zero codes as before', () => {
    const check = checker(createEngine(model));
    expect(check({ kod: 'G1.1', smal: 'G1.2' })).toEqual([]);
    expect(check({ kod: 'G1.10000000001' })).toEqual([]);
    expect(check({ kod: 'G1' })).toEqual([expect.stringMatching(/^code-not-selectable:kod:/)]);
    expect(check({ kod: 'G1.3' })).toEqual([expect.stringMatching(/^code:kod:/)]);
    expect(check({ smal: 'G1.1' })).toEqual([expect.stringMatching(/^code:smal:.*not allowed/)]);
    expect(check({ smal: 'G1' })).toEqual([expect.stringMatching(/^code-not-selectable:smal:/)]);
    expect(check({ smal: 'okand' })).toEqual([expect.stringMatching(/^code:smal:/)]);
    expect(check({ kod: '114' })).toEqual([expect.stringMatching(/^code:kod:.*zero/i)]);
    expect(check({ kod: 'G1.2', datum: '2026-12-31' })).toEqual([]);
    expect(check({ kod: 'G1.2', datum: '2027-01-01' })).toEqual([expect.stringMatching(/^code-valid-on-date:kod:/)]);
    expect(check({ kod: 'G1.10000000001', datum: '2027-01-01' })).toEqual([]);
  });

  it("checks with the code tables of another engine of the model, as a worker thread with the main thread's", () => {
    const main = createEngine(model);
    const tables = main.codeTables('ob');
    expect([...tables.keys()]).toEqual(['lista']);
    expect(createEngine(model).codeTables('okänd').size).toBe(0);
    const values = ['G1.1', 'G1', 'G1.3', '114', 'G1.2'].flatMap((kod) => [{ kod }, { kod, datum: '2027-01-01' }, { smal: kod }]);
    const given = checker(createEngine(model, { codeTables: tables }));
    const own = checker(main);
    for (const v of values) expect(given(v)).toEqual(own(v));
    // The given table is the one used: an empty one knows no code.
    const empty = checker(createEngine(model, { codeTables: new Map([['lista', CodeTable.build('', () => true).table]]) }));
    expect(empty({ kod: 'G1.1' })).toEqual([expect.stringMatching(/^code:kod:/)]);
  });
});
