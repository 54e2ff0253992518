// docs: emits the Swedish documentation site (static HTML, CSS and classic scripts, relative links only),
// from the resolved catalogue and the code-lists generator's file list, through handlebars templates,
// for municipalities, private providers, vendors and data protection officers reading the catalogue.
import {
  CHANGES_FOLDER,
  changesDocPath,
  docPath,
  DOC_FOLDERS,
  DOC_PAGES,
  findingDocPath,
  summarizeDiff,
  type Catalogue,
  type Classification,
  type Code,
  type DocKind,
  type GeneratedFile,
  type Generator,
  type GeneratorContext,
  type GeneratorResult,
} from '../../src/index.js';
import { changesIndexView, versionEntries, versionView } from './changes.js';
import { allFindings, FINDING_GROUPS, type FindingDoc } from './findings.js';
import {
  codeHref,
  codeTree,
  dataElementView,
  linkerFor,
  obligationView,
  partPath,
  privacyView,
  recordTypeView,
  ruleRow,
  ruleView,
  sourceView,
  splitParts,
  statusView,
  termView,
  usage,
  type CodePlaces,
  type Linker,
} from './pages.js';
import { createRenderer, type Renderer, type TemplateName } from './render.js';
import { OBLIGATION_INPUTS, reportScripts, scriptJson } from './report.js';
import { searchIndex } from './search.js';
import {
  CATEGORY_ORDER,
  categoryLabel,
  channelLabel,
  periodKindLabel,
  rootOf,
  severityLabel,
  severityMeaning,
  sortSwedish,
  validityText,
} from './site.js';

/** A classification with more codes than this is split into part pages. */
export const CODES_PER_PAGE = 1000;

/** Codes of an element's subset listed on the element's page before "and N more". */
const SUBSET_LIMIT = 200;

/** Static files of the site, copied by the build runner from generators/docs/assets/. */
const STATIC_ASSETS = ['site.css', 'sok.js', 'rapportera.js', 'koder.js'] as const;

const KIND_TITLES: Readonly<Record<DocKind, { title: string; one: string; intro: string }>> = {
  term: { title: 'Begrepp', one: 'Begrepp', intro: 'Begreppen som katalogens uppgifter bygger på, med definitioner och termstatus.' },
  classification: { title: 'Klassifikationer', one: 'Klassifikation', intro: 'Kodverken: de koder som får användas för uppgifter av typen kod, med hierarki, giltighet och ersättare. Varje kodverk kan laddas ned som CSV, JSON och FHIR.' },
  'data-element': { title: 'Uppgifter', one: 'Uppgift', intro: 'Varje uppgift som kan lämnas till registret: vad den betyder, hur den skrivs och om den är en personuppgift.' },
  'record-type': { title: 'Posttyper', one: 'Posttyp', intro: 'En posttyp är en rad i en inlämning, till exempel en person, ett beslut eller en insats. Här står vilka uppgifter varje post har och vilka som krävs.' },
  rule: { title: 'Regler', one: 'Regel', intro: 'Reglerna kontrollerar uppgifterna när en fil lämnas. Varje regel förklaras med syfte, lagrum och exempel.' },
  obligation: { title: 'Uppgiftsskyldigheter', one: 'Uppgiftsskyldighet', intro: 'Vem som ska lämna vilka uppgifter, om vilka personer, för vilken period och när.' },
};

interface Nav {
  readonly path: string;
  readonly label: string;
  /** Pages under this folder mark the item as the current section. */
  readonly folder?: string;
}

const NAV: readonly Nav[] = [
  { path: DOC_PAGES.start, label: 'Start' },
  { path: DOC_PAGES.report, label: 'Vad ska vi rapportera?' },
  { path: `${DOC_FOLDERS.term}/index.html`, label: 'Begrepp', folder: DOC_FOLDERS.term },
  { path: `${DOC_FOLDERS.classification}/index.html`, label: 'Klassifikationer', folder: DOC_FOLDERS.classification },
  { path: `${DOC_FOLDERS['data-element']}/index.html`, label: 'Uppgifter', folder: DOC_FOLDERS['data-element'] },
  { path: `${DOC_FOLDERS['record-type']}/index.html`, label: 'Posttyper', folder: DOC_FOLDERS['record-type'] },
  { path: `${DOC_FOLDERS.rule}/index.html`, label: 'Regler', folder: DOC_FOLDERS.rule },
  { path: 'kontroller/index.html', label: 'Kontroller', folder: 'kontroller' },
  { path: `${DOC_FOLDERS.obligation}/index.html`, label: 'Uppgiftsskyldigheter', folder: DOC_FOLDERS.obligation },
  { path: DOC_PAGES.privacy, label: 'Integritet' },
  { path: DOC_PAGES.changes, label: 'Vad har ändrats?', folder: CHANGES_FOLDER },
];

const manifestStatus = { draft: 'Utkast', published: 'Publicerad' } as const;

/** Shortens a long text for an index or search entry, at a word boundary. */
function brief(s: string, max = 200): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))} …`;
}

/** The site being built: pages are added one by one and wrapped in the layout. */
class Site {
  readonly files: GeneratedFile[] = [];
  constructor(
    private readonly catalogue: Catalogue,
    private readonly r: Renderer,
  ) {}

  /** Renders `template` with `view` (built with the page's linker) into the layout at `path`. */
  page(
    path: string,
    template: TemplateName,
    title: string,
    build: (link: Linker) => object,
    opts: { crumbs?: { path?: string; label: string }[]; scripts?: string[] } = {},
  ): void {
    const link = linkerFor(path);
    const view = build(link);
    const content = this.r.render(template, view);
    const m = this.catalogue.manifest;
    const folder = path.includes('/') ? path.split('/')[0] : undefined;
    const html = this.r.render('layout', {
      title,
      siteTitle: m.label.sv,
      root: rootOf(path),
      css: link('assets/site.css'),
      home: link(DOC_PAGES.start),
      search: link(DOC_PAGES.search),
      nav: NAV.map((n) => ({
        href: link(n.path),
        label: n.label,
        current: n.path === path,
        section: n.path !== path && n.folder !== undefined && n.folder === folder,
      })),
      crumbs: opts.crumbs ? [{ href: link(DOC_PAGES.start), label: 'Start' }, ...opts.crumbs.map((c) => ({ href: c.path ? link(c.path) : undefined, label: c.label }))] : [],
      content,
      scripts: (opts.scripts ?? []).map((s) => link(s)),
      version: m.version,
      status: manifestStatus[m.status],
      publisher: m.publisher,
      accessibility: link(DOC_PAGES.accessibility),
      changes: link(DOC_PAGES.changes),
      findings: link('kontroller/index.html'),
    });
    // One trailing newline, LF only: the runner refuses anything else.
    this.files.push({ path, contents: html.replace(/\r\n?/g, '\n').trimEnd() + '\n' });
  }

  /** A file that is not a page (e.g. generated script data). */
  file(path: string, contents: string): void {
    this.files.push({ path, contents: contents.endsWith('\n') ? contents : `${contents}\n` });
  }
}

/** Where each code is shown: its classification page, or the part page of a split list. */
function placeCodes(c: Catalogue): { places: Map<Code, string>; parts: Map<Classification, Code[][]> } {
  const places = new Map<Code, string>();
  const parts = new Map<Classification, Code[][]>();
  for (const cls of c.classifications) {
    if (cls.codes.length <= CODES_PER_PAGE) {
      for (const code of cls.codes) places.set(code, docPath('classification', cls.id));
      continue;
    }
    const split = splitParts(cls, CODES_PER_PAGE);
    parts.set(cls, split);
    split.forEach((roots, i) => {
      const walk = (code: Code): void => {
        places.set(code, partPath(cls, i + 1));
        code.children.forEach(walk);
      };
      roots.forEach(walk);
    });
  }
  return { places, parts };
}

/** The four download files of a classification that the code-lists generator wrote, as links. */
function downloads(link: Linker, cls: Classification, codeListFiles: ReadonlySet<string>): object[] {
  const candidates = [
    { file: `${cls.id}.csv`, label: 'CSV', text: 'för kalkylprogram, semikolonseparerad, UTF-8' },
    { file: `${cls.id}.json`, label: 'JSON', text: 'med alla uppgifter om varje kod, för program' },
    { file: `fhir/${cls.id}.codesystem.json`, label: 'FHIR CodeSystem', text: 'HL7 FHIR R4' },
    { file: `fhir/${cls.id}.valueset.json`, label: 'FHIR ValueSet', text: 'HL7 FHIR R4, de koder som får rapporteras' },
  ];
  // The docs live in docs/ and the lists in code-lists/, side by side in the build output.
  return candidates.filter((d) => codeListFiles.has(d.file)).map((d) => ({ href: link(`../code-lists/${d.file}`), label: d.label, text: d.text, file: d.file.split('/').pop() }));
}

function classificationMeta(link: Linker, cls: Classification, codeListFiles: ReadonlySet<string>, elements: object[]): object {
  const count = (pred: (c: Code) => boolean): number => cls.codes.filter(pred).length;
  return {
    id: cls.id,
    label: cls.label.sv,
    labelEn: cls.label.en,
    definition: cls.definition.sv,
    status: statusView(cls.status),
    validity: validityText(cls.validFrom, cls.validTo),
    changeNote: cls.changeNote,
    source: sourceView(cls.source),
    owner: cls.owner,
    edition: cls.edition,
    sensitive: cls.sensitive.length > 0,
    downloads: downloads(link, cls, codeListFiles),
    elements,
    stats: {
      total: cls.codes.length,
      grouping: count((c) => !c.selectable),
      deprecated: count((c) => c.status === 'deprecated'),
      retired: count((c) => c.status === 'retired'),
    },
    hierarchy: cls.codes.some((c) => c.parent !== undefined),
  };
}

function build(catalogue: Catalogue, context: GeneratorContext): GeneratorResult {
  const r = createRenderer(context.templates ?? new Map());
  const site = new Site(catalogue, r);
  const u = usage(catalogue);
  const { places, parts } = placeCodes(catalogue);
  const codeListFiles = new Set((context.previous.get('code-lists') ?? []).map((f) => f.path));
  const findings = allFindings();
  const m = catalogue.manifest;
  const byLabel = <T extends { label: { sv: string }; id: string }>(items: readonly T[]): T[] => sortSwedish(items, (i) => i.label.sv, (i) => i.id);
  const indexPath = (kind: DocKind): string => `${DOC_FOLDERS[kind]}/index.html`;
  const crumbs = (kind: DocKind, label: string): { path?: string; label: string }[] => [{ path: indexPath(kind), label: KIND_TITLES[kind].title }, { label }];

  /** The change notes the current catalogue holds: the manifest's, entities' and codes' (with deprecated and retired codes). */
  const changeNotes = (link: Linker): object => {
    const changed: { href: string; label: string; kind: string; note: string }[] = [];
    const add = (kind: DocKind, e: { id: string; label: { sv: string }; changeNote?: string | undefined }): void => {
      if (e.changeNote) changed.push({ href: link(docPath(kind, e.id)), label: e.label.sv, kind: KIND_TITLES[kind].one, note: e.changeNote });
    };
    catalogue.terms.forEach((e) => add('term', e));
    catalogue.classifications.forEach((e) => add('classification', e));
    catalogue.dataElements.forEach((e) => add('data-element', e));
    catalogue.recordTypes.forEach((e) => add('record-type', e));
    catalogue.obligations.forEach((e) => add('obligation', e));
    const codes = catalogue.classifications.flatMap((cls) =>
      cls.codes
        .filter((c) => c.changeNote || c.status === 'deprecated' || c.status === 'retired')
        .map((c) => ({
          href: link(codeHref(places, c)),
          code: c.code,
          label: c.label.sv,
          classification: cls.label.sv,
          status: statusView(c.status),
          note: c.changeNote,
          replacedBy: c.replacedBy.map((x) => x.code).join(', '),
        })),
    );
    return { changeNote: m.changeNote, entities: sortSwedish(changed, (c) => c.label, (c) => c.href), codes };
  };

  // --- start ---------------------------------------------------------------------------------
  const counts: { kind: DocKind; n: number }[] = [
    { kind: 'obligation', n: catalogue.obligations.length },
    { kind: 'record-type', n: catalogue.recordTypes.length },
    { kind: 'data-element', n: catalogue.dataElements.length },
    { kind: 'classification', n: catalogue.classifications.length },
    { kind: 'rule', n: catalogue.rules.length },
    { kind: 'term', n: catalogue.terms.length },
  ];
  const versions = versionEntries(catalogue, context.changes ?? []);
  const currentDiff = versions.find((v) => v.current)?.diff;
  site.page(DOC_PAGES.start, 'start', m.label.sv, (link) => ({
    label: m.label.sv,
    definition: m.definition?.sv,
    version: m.version,
    status: manifestStatus[m.status],
    draft: m.status === 'draft',
    publisher: m.publisher,
    changeNote: m.changeNote,
    // What changed since the previous release, in one sentence, when the build knew that release.
    changes: currentDiff ? { summary: summarizeDiff(currentDiff, 'sv'), href: link(changesDocPath(m.version)) } : undefined,
    source: sourceView(m.source),
    links: {
      report: link(DOC_PAGES.report),
      findings: link('kontroller/index.html'),
      recordTypes: link(indexPath('record-type')),
      rules: link(indexPath('rule')),
      classifications: link(indexPath('classification')),
      elements: link(indexPath('data-element')),
      terms: link(indexPath('term')),
      obligations: link(indexPath('obligation')),
      privacy: link(DOC_PAGES.privacy),
      changes: link(DOC_PAGES.changes),
      search: link(DOC_PAGES.search),
    },
    counts: counts.map((c) => ({ href: link(indexPath(c.kind)), label: KIND_TITLES[c.kind].title, n: c.n })),
  }));

  // --- index pages ---------------------------------------------------------------------------
  const list = (kind: DocKind, columns: string[], rows: (link: Linker) => object[]): void => {
    site.page(indexPath(kind), 'list', KIND_TITLES[kind].title, (link) => ({ title: KIND_TITLES[kind].title, intro: KIND_TITLES[kind].intro, columns, rows: rows(link), empty: rows(link).length === 0, findings: undefined }), {
      crumbs: [{ label: KIND_TITLES[kind].title }],
    });
  };
  const row = (href: string, name: string, id: string, cells: string[], status: ReturnType<typeof statusView>): object => ({ href, name, id, cells, status, severity: undefined });
  list('term', ['Begrepp', 'Definition', 'Status'], (link) =>
    byLabel(catalogue.terms).map((t) => row(link(docPath('term', t.id)), t.label.sv, t.id, [brief(t.definition.sv)], statusView(t.status))),
  );
  list('classification', ['Klassifikation', 'Antal koder', 'Status'], (link) =>
    byLabel(catalogue.classifications).map((c) => row(link(docPath('classification', c.id)), c.label.sv, c.id, [String(c.codes.length)], statusView(c.status))),
  );
  list('data-element', ['Uppgift', 'Värdetyp', 'Status'], (link) =>
    byLabel(catalogue.dataElements).map((e) => row(link(docPath('data-element', e.id)), e.label.sv, e.id, [e.classification ? `Kod: ${e.classification.label.sv}` : dataTypeShort(e.valueType)], statusView(e.status))),
  );
  list('record-type', ['Posttyp', 'Antal uppgifter', 'Status'], (link) =>
    byLabel(catalogue.recordTypes).map((t) => row(link(docPath('record-type', t.id)), t.label.sv, t.id, [String(t.elements.length)], statusView(t.status))),
  );
  list('obligation', ['Uppgiftsskyldighet', 'Vem och område', 'Status'], (link) =>
    byLabel(catalogue.obligations).map((o) => row(link(docPath('obligation', o.id)), o.label.sv, o.id, [`${o.actor.label.sv}, ${o.area.label.sv}`], statusView(o.status))),
  );
  // Rules have no label of their own: they are listed by id, which is what a validation report shows.
  site.page(
    indexPath('rule'),
    'list',
    KIND_TITLES.rule.title,
    (link) => ({
      title: KIND_TITLES.rule.title,
      intro: KIND_TITLES.rule.intro,
      columns: ['Regel', 'Meddelande', 'Allvarlighetsgrad'],
      rows: sortSwedish(catalogue.rules, (x) => x.id).map((x) => ({ href: link(docPath('rule', x.id)), name: x.id, id: undefined, cells: [x.message.sv], status: undefined, severity: severityLabel[x.severity] })),
      empty: catalogue.rules.length === 0,
      findings: link('kontroller/index.html'),
    }),
    { crumbs: [{ label: KIND_TITLES.rule.title }] },
  );

  // --- entity pages --------------------------------------------------------------------------
  for (const t of catalogue.terms) {
    site.page(docPath('term', t.id), 'term', t.label.sv, (link) => termView(link, u, t), { crumbs: crumbs('term', t.label.sv) });
  }
  for (const e of catalogue.dataElements) {
    site.page(docPath('data-element', e.id), 'data-element', e.label.sv, (link) => dataElementView(link, places, u, e, SUBSET_LIMIT), { crumbs: crumbs('data-element', e.label.sv) });
  }
  for (const rt of catalogue.recordTypes) {
    site.page(docPath('record-type', rt.id), 'record-type', rt.label.sv, (link) => recordTypeView(link, u, rt), { crumbs: crumbs('record-type', rt.label.sv) });
  }
  for (const o of catalogue.obligations) {
    site.page(docPath('obligation', o.id), 'obligation', o.label.sv, (link) => obligationView(link, places, o), { crumbs: crumbs('obligation', o.label.sv) });
  }
  for (const x of catalogue.rules) {
    site.page(docPath('rule', x.id), 'rule', `Regel ${x.id}`, (link) => ruleView(link, places, catalogue, x), { crumbs: crumbs('rule', x.id) });
  }
  for (const cls of catalogue.classifications) {
    const split = parts.get(cls);
    const path = docPath('classification', cls.id);
    const elements = (link: Linker): object[] => byLabel(u.elementsOfClassification.get(cls) ?? []).map((e) => ({ href: link(docPath('data-element', e.id)), label: e.label.sv }));
    site.page(
      path,
      'classification',
      cls.label.sv,
      (link) => ({
        ...classificationMeta(link, cls, codeListFiles, elements(link)),
        codes: split ? [] : codeTree(link, places, cls.codes.filter((c) => !c.parent)),
        parts: (split ?? []).map((roots, i) => {
          const last = lastCode(roots[roots.length - 1]!);
          return { href: link(partPath(cls, i + 1)), number: i + 1, first: `${roots[0]!.code} ${roots[0]!.label.sv}`, last: `${last.code} ${last.label.sv}`, roots: roots.length };
        }),
        split: split !== undefined,
      }),
      { crumbs: crumbs('classification', cls.label.sv), scripts: ['assets/koder.js'] },
    );
    (split ?? []).forEach((roots, i) => {
      const p = partPath(cls, i + 1);
      const n = split!.length;
      site.page(
        p,
        'classification-part',
        `${cls.label.sv}, del ${i + 1} av ${n}`,
        (link) => ({
          label: cls.label.sv,
          classification: link(path),
          number: i + 1,
          count: n,
          previous: i > 0 ? link(partPath(cls, i)) : undefined,
          next: i + 1 < n ? link(partPath(cls, i + 2)) : undefined,
          codes: codeTree(link, places, roots),
          hierarchy: cls.codes.some((c) => c.parent !== undefined),
        }),
        { crumbs: [...crumbs('classification', cls.label.sv).slice(0, 1), { path, label: cls.label.sv }, { label: `Del ${i + 1}` }], scripts: ['assets/koder.js'] },
      );
    });
  }

  // --- finding codes -------------------------------------------------------------------------
  const rulesByShape = (code: string) => sortSwedish(catalogue.rules.filter((x) => x.shape === code), (x) => x.id);
  for (const f of findings) {
    site.page(
      findingDocPath(f.code),
      'finding',
      `Kontroll ${f.code}`,
      (link) => ({
        ...findingView(f),
        rules: rulesByShape(f.code).map((x) => ruleRow(link, x)),
        isShape: f.group === 'rule',
      }),
      { crumbs: [{ path: 'kontroller/index.html', label: 'Kontroller' }, { label: f.code }] },
    );
  }
  site.page(
    'kontroller/index.html',
    'findings',
    'Kontroller',
    (link) => ({
      groups: FINDING_GROUPS.map((g) => ({
        title: g.title,
        intro: g.intro,
        findings: findings.filter((f) => f.group === g.group).map((f) => ({ href: link(findingDocPath(f.code)), ...findingView(f) })),
      })),
      rules: link(indexPath('rule')),
    }),
    { crumbs: [{ label: 'Kontroller' }] },
  );

  // --- fixed pages ---------------------------------------------------------------------------
  const report = reportScripts(catalogue, context.inputs);
  for (const f of report.files) site.file(f.path, f.contents);
  site.page(
    DOC_PAGES.report,
    'report',
    'Vad ska vi rapportera?',
    (link) => ({
      actors: reportActors(catalogue),
      areas: sortSwedish([...new Set(catalogue.obligations.map((o) => o.area))], (c) => c.label.sv, (c) => c.code).map((c) => ({ code: c.code, label: c.label.sv })),
      obligations: sortSwedish(catalogue.obligations, (o) => `${o.actor.label.sv} ${o.area.label.sv} ${o.label.sv}`, (o) => o.id).map((o) => ({
        href: link(docPath('obligation', o.id)),
        label: o.label.sv,
        actor: o.actor.label.sv,
        area: o.area.label.sv,
        period: periodKindLabel[o.period.kind],
        channel: channelLabel[o.channel],
        validity: validityText(o.validFrom, o.validTo),
      })),
    }),
    { crumbs: [{ label: 'Vad ska vi rapportera?' }], scripts: ['assets/skyldigheter.js', 'assets/skyldigheter-svar.js', 'assets/rapportera.js'] },
  );

  site.page(
    DOC_PAGES.privacy,
    'privacy',
    'Personuppgifter i katalogen',
    (link) => {
      const personal = catalogue.dataElements.filter((e) => e.privacy && e.privacy.category !== 'none');
      const groups = CATEGORY_ORDER.filter((cat) => cat !== 'none')
        .map((cat) => ({
          category: categoryLabel[cat],
          elements: byLabel(personal.filter((e) => e.privacy!.category === cat)).map((e) => ({
            href: link(docPath('data-element', e.id)),
            label: e.label.sv,
            id: e.id,
            ...privacyView(link, places, e),
          })),
        }))
        .filter((g) => g.elements.length > 0);
      const other = byLabel(catalogue.dataElements.filter((e) => !e.privacy || e.privacy.category === 'none')).map((e) => ({ href: link(docPath('data-element', e.id)), label: e.label.sv }));
      return {
        groups,
        sensitiveCount: personal.filter((e) => e.privacy!.sensitive.length > 0).length,
        personalCount: personal.length,
        other,
      };
    },
    { crumbs: [{ label: 'Integritet' }] },
  );

  site.page(
    DOC_PAGES.accessibility,
    'accessibility',
    'Tillgänglighetsredogörelse',
    () => ({ publisher: m.publisher ?? 'Utgivaren av katalogen', siteTitle: m.label.sv, version: m.version }),
    { crumbs: [{ label: 'Tillgänglighet' }] },
  );

  site.file('assets/sokindex.js', `window.kodkatalogSokindex = ${scriptJson(searchIndex(catalogue, places, findings))};\n`);
  site.page(DOC_PAGES.search, 'search', 'Sök', () => ({}), { crumbs: [{ label: 'Sök' }], scripts: ['assets/sokindex.js', 'assets/sok.js'] });

  // --- what has changed: every version, and a page per version ---------------------------------
  site.page(DOC_PAGES.changes, 'changes', 'Vad har ändrats?', (link) => changesIndexView(link, catalogue, versions), { crumbs: [{ label: 'Vad har ändrats?' }] });
  versions.forEach((v, i) => {
    site.page(
      changesDocPath(v.version),
      'changes-version',
      `Vad har ändrats i version ${v.version}?`,
      (link) => versionView(link, places, catalogue, versions, i, v.current ? changeNotes(link) : undefined),
      { crumbs: [{ path: DOC_PAGES.changes, label: 'Vad har ändrats?' }, { label: `Version ${v.version}` }] },
    );
  });

  return { files: site.files, diagnostics: [...r.diagnostics, ...report.diagnostics] };
}

function lastCode(c: Code): Code {
  return c.children.length > 0 ? lastCode(c.children[c.children.length - 1]!) : c;
}

function dataTypeShort(t: string): string {
  return (
    {
      string: 'Text',
      integer: 'Heltal',
      decimal: 'Decimaltal',
      boolean: 'Ja eller nej',
      date: 'Datum',
      code: 'Kod',
      'personal-identity-number': 'Personnummer',
      'organisation-number': 'Organisationsnummer',
      'municipality-code': 'Kommunkod',
    } as Record<string, string>
  )[t]!;
}

function findingView(f: FindingDoc): object {
  return {
    code: f.code,
    title: f.title,
    what: f.what,
    fix: f.fix,
    // A rule shape's findings take each rule's own severity.
    severity:
      f.group === 'rule'
        ? { key: 'rule', label: 'Enligt regeln', meaning: 'Varje regel har sin egen allvarlighetsgrad.' }
        : { key: f.severity, label: severityLabel[f.severity], meaning: severityMeaning[f.severity] },
  };
}

/** The actors that have obligations, in Swedish order, the first one checked by default. */
function reportActors(c: Catalogue): object[] {
  const actors = sortSwedish([...new Set(c.obligations.map((o) => o.actor))], (a) => a.label.sv, (a) => a.code);
  return actors.map((a, i) => ({ code: a.code, label: a.label.sv, id: `aktor-${i + 1}`, checked: i === 0 }));
}

/** The docs generator (registered in generators/index.ts). */
export const docsGenerator: Generator = {
  name: 'docs',
  description: [
    'Swedish documentation site: static HTML with relative links, search and the "Vad ska vi rapportera?" page,',
    'from the resolved catalogue, the code-lists file names and the diffs against previous releases, via handlebars (--templates DIR),',
    'for municipalities, private providers, vendors and data protection officers.',
  ].join('\n'),
  uses: ['code-lists'],
  changelog: true,
  templates: 'generators/docs/templates',
  inputs: OBLIGATION_INPUTS,
  assets: STATIC_ASSETS.map((a) => ({ from: `generators/docs/assets/${a}`, to: `assets/${a}` })),
  generate: build,
};
