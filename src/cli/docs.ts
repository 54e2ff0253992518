import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { checkCatalogue, hasErrors } from '../api.js';
import { generate } from '../build/run.js';
import type { GeneratedFile, Generator } from '../build/types.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { DOC_PAGES } from '../model/doc-paths.js';
import { changesFor } from './build.js';
import { out } from './io.js';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ts: 'text/plain; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
};

/** What a server answers: the files of a build, or a page explaining why there are none. */
export type SiteSource = () => Promise<{ files: ReadonlyMap<string, GeneratedFile> } | { error: string }>;

/**
 * Serves files from memory on 127.0.0.1 (never another interface: the preview is for the author's
 * own machine). Only paths in the map are served, so nothing outside the build can be reached.
 * `/` redirects to the docs start page; a folder path serves its index.html.
 */
export function serveSite(source: SiteSource, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '');
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (path === '') {
        res.writeHead(302, { location: `/docs/${DOC_PAGES.start}` }).end();
        return;
      }
      const site = await source();
      if ('error' in site) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(site.error);
        return;
      }
      const file = site.files.get(path) ?? site.files.get(`${path.replace(/\/$/, '')}/index.html`);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Sidan finns inte: /${path}\n`);
        return;
      }
      const ext = file.path.slice(file.path.lastIndexOf('.') + 1);
      const body = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : file.contents;
      res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

/** Modification times of every file under the folders, to notice an edit cheaply. */
function signature(dirs: readonly string[]): string {
  const parts: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        parts.push(`${p}:${s.mtimeMs}:${s.size}`);
      }
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return parts.sort().join('\n');
}

/**
 * `kodkatalog docs --serve`: builds the docs (and the code lists they link to) in memory and serves
 * them, rebuilding when a catalogue or template file has changed since the last request, so an
 * author sees an edit by reloading the page.
 */
export async function docsServeCommand(
  generators: readonly Generator[],
  opts: { catalogue: string; templates?: string; port: string; lang: Lang; previous?: string },
): Promise<{ code: number; server?: Server }> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`kodkatalog: ogiltig port: ${opts.port}\n`);
    return { code: 2 };
  }
  const templates = opts.templates ? resolve(opts.templates) : undefined;
  if (templates && !(existsSync(templates) && statSync(templates).isDirectory())) {
    process.stderr.write(`kodkatalog: mallmappen finns inte: ${opts.templates}\n`);
    return { code: 2 };
  }
  let last: { sig: string; site: Awaited<ReturnType<SiteSource>> } | undefined;
  let pending: Promise<Awaited<ReturnType<SiteSource>>> | undefined;
  const rebuild = async (): Promise<Awaited<ReturnType<SiteSource>>> => {
    const loaded = checkCatalogue(opts.catalogue);
    const text = (ds: readonly Diagnostic[]): string => renderDiagnostics(ds, 'text', { lang: opts.lang, readSource: (f) => loaded.raw.sources.get(f) });
    if (!loaded.catalogue || hasErrors(loaded.diagnostics)) return { error: `Katalogen har fel:\n\n${text(loaded.diagnostics)}` };
    const { changes, problems } = await changesFor(generators, loaded, { only: ['docs'], previous: opts.previous });
    if (problems.length > 0) return { error: problems.map((d) => d.message[opts.lang]).join('\n') };
    const result = await generate(loaded.catalogue, generators, { only: ['docs'], options: templates ? { templates } : {}, changes });
    if (hasErrors(result.diagnostics)) return { error: `Dokumentationen kunde inte byggas:\n\n${text(result.diagnostics)}` };
    if (result.diagnostics.length > 0) out(text(result.diagnostics));
    return { files: new Map(result.value.map((f) => [f.path, f])) };
  };
  const source: SiteSource = async () => {
    const sig = signature([opts.catalogue, ...(templates ? [templates] : [])]);
    if (last && last.sig === sig) return last.site;
    // Concurrent requests share one rebuild.
    pending ??= rebuild().finally(() => (pending = undefined));
    const site = await pending;
    last = { sig, site };
    return site;
  };
  const first = await source();
  if ('error' in first) out(`${first.error}\n`);
  let server: Server;
  try {
    server = await serveSite(source, port);
  } catch (e) {
    process.stderr.write(`kodkatalog: kan inte lyssna på port ${port} (${e instanceof Error && 'code' in e ? String(e.code) : 'fel'}).\n`);
    return { code: 2 };
  }
  const actual = (server.address() as AddressInfo).port;
  out(
    opts.lang === 'sv'
      ? `Dokumentationen visas på http://127.0.0.1:${actual}/docs/${DOC_PAGES.start}\nÄndringar i katalogen syns när sidan laddas om. Avsluta med Ctrl+C.\n`
      : `The documentation is served at http://127.0.0.1:${actual}/docs/${DOC_PAGES.start}\nCatalogue edits show when the page is reloaded. Stop with Ctrl+C.\n`,
  );
  return { code: 0, server };
}
