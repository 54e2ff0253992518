import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { codeListsGenerator } from '../../generators/code-lists/index.js';
import { docsGenerator } from '../../generators/docs/index.js';
import { docsServeCommand } from '../../src/cli/docs.js';

const root = resolve(import.meta.dirname, '../..');

describe('kodkatalog docs --serve', () => {
  it('serves the docs and the code lists on 127.0.0.1 from memory', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { code, server } = await docsServeCommand([codeListsGenerator, docsGenerator], { catalogue: join(root, 'catalogue'), port: '0', lang: 'sv' });
    try {
      expect(code).toBe(0);
      const address = server!.address() as AddressInfo;
      expect(address.address).toBe('127.0.0.1');
      const base = `http://127.0.0.1:${address.port}`;
      expect(String(write.mock.calls.at(-1)?.[0])).toContain(`${base}/docs/index.html`);
      const start = await fetch(`${base}/`, { redirect: 'manual' });
      expect([start.status, start.headers.get('location')]).toEqual([302, '/docs/index.html']);
      const page = await fetch(`${base}/docs/index.html`);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<html lang="sv">');
      expect((await fetch(`${base}/docs/klassifikationer/`)).status).toBe(200);
      expect((await fetch(`${base}/code-lists/kommun.csv`)).status).toBe(200);
      expect((await fetch(`${base}/docs/finns-inte.html`)).status).toBe(404);
      expect((await fetch(`${base}/docs/../../package.json`)).status).toBe(404);
      expect((await fetch(`${base}/docs/index.html`, { method: 'POST' })).status).toBe(405);
    } finally {
      server?.close();
      write.mockRestore();
    }
  });

  it('refuses a bad port and a missing templates folder', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await docsServeCommand([docsGenerator], { catalogue: 'catalogue', port: 'x', lang: 'sv' })).code).toBe(2);
      expect((await docsServeCommand([docsGenerator], { catalogue: 'catalogue', port: '0', templates: '/finns/inte', lang: 'sv' })).code).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
