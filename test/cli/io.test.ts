// The CLI's buffered stdout, run in a child process as the CLI runs it: what comes out is exactly
// what went in, whatever the texts' lengths and characters.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const io = pathToFileURL(resolve(import.meta.dirname, '../../dist/lib/src/cli/io.js')).href;

describe('bufferedOut', () => {
  it('writes texts of 1, 2, 3 and 4 UTF-8 bytes a character across its 64 kB blocks, and longer ones, unchanged', () => {
    // Texts of every length from 1 to 40 characters, of one kind of character each, so that every
    // kind ends a block at every place; then texts longer than a block.
    const script = `
      import { bufferedOut } from ${JSON.stringify(io)};
      const out = bufferedOut();
      const kinds = ['a', 'ö', '€', '😀'];
      for (let i = 0; i < 20000; i++) out.write(kinds[i % 4].repeat(1 + (i % 40)));
      out.write('ö'.repeat(50000));
      out.write('x');
      out.write('€'.repeat(70000));
      out.flush();`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).toBe('');
    const kinds = ['a', 'ö', '€', '😀'];
    let expected = '';
    for (let i = 0; i < 20000; i++) expected += kinds[i % 4]!.repeat(1 + (i % 40));
    expected += 'ö'.repeat(50000) + 'x' + '€'.repeat(70000);
    expect(Buffer.byteLength(expected)).toBeGreaterThan(20 * 65536);
    expect(r.stdout === expected).toBe(true);
  });
});
