import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/api.js';
import type { ObligationsAnswer } from '../../src/obligations/data.js';
import { renderObligationsMarkdown } from '../../src/obligations/markdown.js';
import { resolveObligations } from '../../src/obligations/resolve.js';
import { renderObligationsTable } from '../../src/obligations/table.js';
import { deadlineRuleText, periodLabel, periodRuleText } from '../../src/obligations/words.js';

const root = resolve(import.meta.dirname, '../..');
const catalogue = loadCatalogue(join(root, 'catalogue')).catalogue!;
const lss = resolveObligations(catalogue, { actor: 'kommun', area: 'lss', date: '2027-03-01' }).value;

describe('markdown checklist', () => {
  it('links every entity to its docs page under the docs base', () => {
    const md = renderObligationsMarkdown(lss);
    expect(md).toContain('[Personnummer](docs/uppgifter/personnummer.html) (`personnummer`): **obligatorisk**, nyckel');
    expect(md).toContain('#### Posttyp [Insats](docs/posttyper/insats.html) (`insats`)');
    expect(md).toContain('[Beskrivning av uppgiftsskyldigheten](docs/uppgiftsskyldigheter/kommun-lss.html)');
    expect(md).toContain('[person-unik](docs/regler/person-unik.html) (filen avvisas)');
    expect(md).toContain('[Kommun](docs/klassifikationer/kommun.html)');
    const abs = renderObligationsMarkdown(lss, { docsBase: 'https://example.org/katalog' });
    expect(abs).toContain('[Personnummer](https://example.org/katalog/uppgifter/personnummer.html)');
    expect(abs).not.toContain('](docs/');
  });

  it('escapes Markdown in catalogue text', () => {
    const edited: ObligationsAnswer = { ...lss, obligations: [{ ...lss.obligations[0]!, label: { sv: 'A *fet* [länk](x) | cell <b>' } }] };
    const md = renderObligationsMarkdown(edited);
    expect(md).toContain('## A \\*fet\\* \\[länk\\](x) \\| cell \\<b\\>');
  });

  it('lists the second phase as changes to check off', () => {
    const md = renderObligationsMarkdown(lss);
    expect(md).toContain('- [ ] Från 2028-01-01: ny uppgift `avslutsorsak` (Avslutsorsak) i `insats`, om dokumenterad');
    expect(md).toContain('- [ ] 1 oktober 2027: senast mån 2027-10-25');
  });
});

describe('table', () => {
  it('keeps lines within 100 columns', () => {
    const all = renderObligationsTable(resolveObligations(catalogue, { actor: 'kommun', date: '2027-03-01' }).value);
    for (const line of all.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });
});

describe('words', () => {
  it('describes periods and deadlines in Swedish and English', () => {
    expect(periodRuleText({ kind: 'snapshot', date: '--10-01' }, 'sv')).toBe('läget den 1 oktober varje år');
    expect(deadlineRuleText({ kind: 'day-of-next-month', day: 15, adjust: 'next-working-day' }, { kind: 'month' }, 'sv')).toBe(
      'senast den 15 i månaden efter perioden; flyttas till nästa vardag om dagen är en lördag, söndag eller helgdag',
    );
    expect(deadlineRuleText({ kind: 'fixed', date: '--03-31', adjust: 'none' }, { kind: 'year' }, 'sv')).toBe('senast den 31 mars efter periodens slut; flyttas inte om dagen är en helgdag');
    expect(deadlineRuleText({ kind: 'days-after-period-end', days: 30, adjust: 'none' }, { kind: 'continuous' }, 'en')).toBe(
      'by 30 days after the event; not moved if it falls on a weekend or holiday',
    );
    expect(periodLabel({ id: '2027-Q3', kind: 'quarter', start: '2027-07-01', end: '2027-09-30' }, 'sv')).toBe('kvartal 3 2027');
    expect(periodLabel({ id: '2027-03', kind: 'month', start: '2027-03-01', end: '2027-03-31' }, 'en')).toBe('March 2027');
  });
});
