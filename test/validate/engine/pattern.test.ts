// An element's pattern matched on code units gives what the RegExp it stands for gives (anchored,
// u flag), for the simple patterns it walks itself and for those it leaves to the RegExp.
import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../src/validate/engine/pattern.js';
import { unitsOf } from '../../../src/validate/engine/units.js';

function agrees(source: string, values: readonly string[]): void {
  const pattern = new Pattern(source);
  const re = new RegExp(`^(?:${source})$`, 'u');
  for (const v of values) {
    // As the engine gives it: a string's units, and the same text as bytes inside a larger block.
    expect(pattern.test(unitsOf(v), 0, v.length), `${source} ${JSON.stringify(v)}`).toBe(re.test(v));
    if (/^[\x00-\x7f]*$/.test(v)) {
      const block = Buffer.from(`xx${v}yy`, 'latin1');
      expect(pattern.test(block, 2, 2 + v.length), `${source} ${JSON.stringify(v)} in bytes`).toBe(re.test(v));
    }
  }
}

const VALUES = ['', '0', '1', '12', '2027-03-01', '2027-3-01', '2027-03-02', '20270301', 'a', 'A-1', 'ab-CD-09', 'a b', 'å', '😀', '-', '--', '0114', '01140'];
const LONG = ['x'.repeat(36), 'x'.repeat(37), '1'.repeat(12), '1'.repeat(11), '1'.repeat(13), `${'1'.repeat(11)}a`];

describe('Pattern', () => {
  it('walks runs of classes and literals as the RegExp matches them', () => {
    for (const source of ['^[0-9]{10}$', '^[0-9]{12}$', '^[A-Za-z0-9-]{1,36}$', '^[0-9]{4}-[0-9]{2}-01$', '[0-9]+', '^ab[0-9]{2,}$', '^a[b-d]{1,3}e$', 'x{2}', '^[a-]{1,2}$']) {
      agrees(source, [...VALUES, ...LONG, 'abc0', 'ab12', 'ab123', 'abbe', 'abcde', 'abbbbe', 'xx', 'x', 'a-', '-a-']);
    }
  });

  it('leaves other patterns to the RegExp: neighbours that share characters, optional runs, escapes, alternatives, groups', () => {
    for (const source of ['^[0-9]*[0-9]$', '^[a-z]{1,3}[a-c]$', '^a?b$', '^\\d{4}$', '^(ab)+$', '^a|b$', '^[^0-9]+$', '^.{2}$', '^[å-ö]{1,2}$', '^\\$[0-9]$']) {
      agrees(source, [...VALUES, 'abc', 'ab', 'b', 'aab', '$1', 'åö', '1234', 'ababab']);
    }
  });
});
