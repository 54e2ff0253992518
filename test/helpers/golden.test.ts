import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStaleGolden, listGoldenFiles, updatingSnapshots } from './golden.js';

const dir = mkdtempSync(join(tmpdir(), 'kodkatalog-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('golden trees', () => {
  it('lists golden files recursively with forward slashes, sorted', () => {
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'b', 'c.json'), '{}\n');
    writeFileSync(join(dir, 'a.txt'), 'a\n');
    expect(listGoldenFiles(dir)).toEqual(['a.txt', 'b/c.json']);
    expect(listGoldenFiles(join(dir, 'finns-inte'))).toEqual([]);
  });

  it('fails on a golden file that is no longer generated, and deletes it under vitest -u', () => {
    if (updatingSnapshots()) {
      expectNoStaleGolden(dir, ['a.txt']);
      expect(listGoldenFiles(dir)).toEqual(['a.txt']);
    } else {
      expect(() => expectNoStaleGolden(dir, ['a.txt'])).toThrow(/b\/c\.json/);
      expect(() => expectNoStaleGolden(dir, ['a.txt', 'b/c.json'])).not.toThrow();
    }
  });
});
