// Strings as code units: a Uint8Array while every unit fits in a byte, a Uint16Array after that.
import { describe, expect, it } from 'vitest';
import { putUnits, textOf, unitsEqual, unitsOf } from '../../../src/validate/engine/units.js';

describe('putUnits', () => {
  it('writes Latin-1 text as bytes, after what is there', () => {
    const u = putUnits(new Uint8Array(8), 0, 'Åsa');
    const v = putUnits(u, 3, '0114');
    expect(v).toBe(u);
    expect(v).toBeInstanceOf(Uint8Array);
    expect(textOf(v, 0, 7)).toBe('Åsa0114');
  });

  it('grows the array, keeping the units before `at`', () => {
    const u = putUnits(new Uint8Array(4), 0, 'abc');
    const v = putUnits(u, 3, 'defghij');
    expect(v).not.toBe(u);
    expect(v).toBeInstanceOf(Uint8Array);
    expect(textOf(v, 0, 10)).toBe('abcdefghij');
  });

  it('turns to 16-bit units at the first unit over 255, keeping every unit before it', () => {
    const u = putUnits(new Uint8Array(16), 0, 'ab');
    const v = putUnits(u, 2, 'cŌd\u{1F600}');
    expect(v).toBeInstanceOf(Uint16Array);
    expect(textOf(v, 0, 7)).toBe('abcŌd\u{1F600}');
    expect(putUnits(v, 7, 'é')).toBe(v);
    expect(textOf(v, 0, 8)).toBe('abcŌd\u{1F600}é');
  });
});

describe('unitsOf', () => {
  it('gives a string\'s units, narrow or wide', () => {
    for (const s of ['', '0114', 'Åsa', 'x'.repeat(300), 'a–b', '\ud800']) {
      const u = unitsOf(s);
      expect(u).toBeInstanceOf(/[^\0-\xff]/.test(s) ? Uint16Array : Uint8Array);
      expect(unitsEqual(u, 0, s.length, s), s).toBe(true);
    }
  });
});
