// The cross-row state's hash table of 64-bit keys, on its own: sized for the keys to come, it must
// keep every key, give back the first value stored for a key, and know keys it never saw as absent.
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/validate-data.js';
import { KeyTable } from '../../src/validate/rows.js';

describe('KeyTable', () => {
  it('keeps 100,000 keys in the room reset made for them, with their first values', () => {
    const rnd = prng(7);
    const int32 = (): number => (rnd() * 2 ** 32) | 0;
    const keys: [number, number][] = Array.from({ length: 100_000 }, () => [int32(), int32()]);
    // Keys that differ in one half only, and the key 0:0.
    keys.push([keys[0]![0], keys[0]![1] ^ 1], [keys[1]![0] ^ 1, keys[1]![1]], [0, 0]);
    const table = new KeyTable();
    table.reset(keys.length);
    const wrong = (f: (hi: number, lo: number, i: number) => boolean): number => keys.filter(([hi, lo], i) => !f(hi, lo, i)).length;
    expect(wrong((hi, lo, i) => table.putIfAbsent(hi, lo, i + 1) === 0)).toBe(0);
    expect(table.size).toBe(keys.length);
    expect(table.bytes).toBe(262_144 * 12);
    expect(wrong((hi, lo, i) => table.get(hi, lo) === i + 1)).toBe(0);
    expect(wrong((hi, lo, i) => table.putIfAbsent(hi, lo, 999_999) === i + 1)).toBe(0);
    expect(table.size).toBe(keys.length);
    let absent = 0;
    for (let i = 0; i < 10_000; i++) if (table.get(int32(), int32()) === 0) absent++;
    expect(absent).toBe(10_000);
  });
});
