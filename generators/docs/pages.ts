// View models of the documentation pages: plain data with every link already made relative to the
// page, every enumerated value already in Swedish and every list already in Swedish order, so the
// templates only lay out (and a user's own templates cannot get a link or a word wrong).
import {
  docPath,
  DOC_PAGES,
  findingDocPath,
  type Catalogue,
  type Classification,
  type Code,
  type Condition,
  type DataElement,
  type Entity,
  type ExampleRecord,
  type Obligation,
  type RecordElement,
  type RecordType,
  type Rule,
  type SourceReference,
  type Status,
  type Term,
} from '../../src/index.js';
import {
  categoryLabel,
  channelLabel,
  codeAnchor,
  dateText,
  deadlineText,
  formatLabel,
  periodKindLabel,
  periodText,
  relativeHref,
  requiredLabel,
  sensitiveLabel,
  severityLabel,
  severityMeaning,
  shapeLabel,
  sortSwedish,
  statusLabel,
  statusMeaning,
  termStatusLabel,
  validityText,
  valueTypeLabel,
} from './site.js';

/** A link as templates use it. */
export interface LinkView {
  readonly href: string;
  readonly label: string;
}

/** A status badge. */
export interface StatusView {
  readonly key: Status;
  readonly label: string;
  readonly meaning: string;
}

/** Resolves site-root paths to links relative to one page. */
export type Linker = (to: string) => string;

/** Makes the linker of page `path`. */
export const linkerFor =
  (path: string): Linker =>
  (to) =>
    relativeHref(path, to);

export const statusView = (s: Status): StatusView => ({ key: s, label: statusLabel[s], meaning: statusMeaning[s] });

/** Escapes text for HTML built outside the templates (sentences with inline links). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Where a code is shown: its classification's page, or a part page for a long list. */
export type CodePlaces = ReadonlyMap<Code, string>;

/** The page path of a code's classification part plus its anchor. */
export function codeHref(places: CodePlaces, c: Code): string {
  return `${places.get(c) ?? docPath('classification', c.classification.id)}#${codeAnchor(c.code)}`;
}

export function sourceView(s: SourceReference | undefined): object | undefined {
  if (!s) return undefined;
  return { title: s.title, publisher: s.publisher, reference: s.reference, date: s.date ? dateText(s.date) : undefined, note: s.note };
}

/** Fields every entity page shows. */
function entityBase(e: Entity): object {
  return {
    id: e.id,
    label: e.label.sv,
    labelEn: e.label.en,
    definition: e.definition.sv,
    status: statusView(e.status),
    validity: validityText(e.validFrom, e.validTo),
    changeNote: e.changeNote,
    source: sourceView(e.source),
  };
}

/** A legal-basis code as a link into the lagrum classification, with its validity. */
function legalView(link: Linker, places: CodePlaces, c: Code): object {
  return {
    href: link(codeHref(places, c)),
    code: c.code,
    label: c.label.sv,
    validity: c.validFrom || c.validTo ? validityText(c.validFrom, c.validTo) : undefined,
  };
}

const elementLink = (link: Linker, e: DataElement): LinkView => ({ href: link(docPath('data-element', e.id)), label: e.label.sv });

/** "«Label»" with a link, as HTML. */
function elementHtml(link: Linker, e: DataElement): string {
  return `<a href="${esc(link(docPath('data-element', e.id)))}">${esc(e.label.sv)}</a>`;
}

function listHtml(parts: readonly string[], last = 'och'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${last} ${parts[parts.length - 1]}`;
}

function codesHtml(link: Linker, places: CodePlaces, codes: readonly Code[]): string {
  return listHtml(
    codes.map((c) => `<a href="${esc(link(codeHref(places, c)))}"><code>${esc(c.code)}</code> (${esc(c.label.sv)})</a>`),
    'eller',
  );
}

/** A condition of a required-if rule as a clause: "X är ifylld", "X har koden a". */
function conditionHtml(link: Linker, places: CodePlaces, c: Condition, mode: 'when' | 'then'): string {
  const e = elementHtml(link, c.element);
  if (c.equals && c.equals.length > 0) {
    const codes = codesHtml(link, places, c.equals);
    return mode === 'when' ? `${e} har ${c.equals.length > 1 ? 'någon av koderna' : 'koden'} ${codes}` : `${e} ha ${c.equals.length > 1 ? 'någon av koderna' : 'koden'} ${codes}`;
  }
  const filled = c.present !== false;
  return mode === 'when' ? `${e} ${filled ? 'är ifylld' : 'är tom'}` : `${e} vara ${filled ? 'ifylld' : 'tom'}`;
}

/** What a rule checks, in one or two plain Swedish sentences with links to the elements. */
export function ruleCheckHtml(link: Linker, places: CodePlaces, r: Rule): string {
  const els = r.elements.map((e) => elementHtml(link, e));
  switch (r.shape) {
    case 'required-if':
      return `När ${conditionHtml(link, places, r.when!, 'when')} ska ${conditionHtml(link, places, r.then!, 'then')}.`;
    case 'date-order':
      return `${els[0]} får inte ligga efter ${els[1]} när båda är ifyllda. Samma dag är tillåten.`;
    case 'within-period':
      return `${els[0]} ska ligga inom den period som inlämningen gäller.`;
    case 'exactly-one-of':
      return `Exakt en av ${listHtml(els, 'och')} ska vara ifylld: inte ingen och inte flera.`;
    case 'unique-key':
      return `Två poster i samma inlämning får inte ha samma värde${els.length > 1 ? 'n' : ''} i ${listHtml(els)}.`;
    case 'reference-exists': {
      const t = r.target!;
      const rt = `<a href="${esc(link(docPath('record-type', t.recordType.id)))}">${esc(t.recordType.label.sv)}</a>`;
      return `För varje post ska inlämningen också ha en post av posttypen ${rt} med samma värde${els.length > 1 ? 'n' : ''} i ${listHtml(t.elements.map((e) => elementHtml(link, e)))} som posten har i ${listHtml(els)}.`;
    }
    case 'no-overlap': {
      const group = r.groupBy.length > 0 ? ` för poster med samma värden i ${listHtml(r.groupBy.map((e) => elementHtml(link, e)))}` : '';
      return `Perioderna från ${els[0]} till ${els[1]} får inte överlappa${group}. En post utan ${els[1]} räknas som pågående.`;
    }
    case 'code-valid-on-date':
      return `Koden i ${els[0]} ska ha varit giltig på det datum som står i ${els[1]}.`;
    case 'range': {
      const min = r.minimum !== undefined ? `minst ${r.minimum}` : '';
      const max = r.maximum !== undefined ? `högst ${r.maximum}` : '';
      return `${els[0]} ska vara ${[min, max].filter(Boolean).join(' och ')}.`;
    }
  }
}

/** An example as a table: columns in the rule's element order, then any other field. */
function exampleView(link: Linker, catalogue: Catalogue, r: Rule, records: readonly ExampleRecord[]): object {
  const order = [...r.elements.map((e) => e.id), ...(r.when ? [r.when.element.id] : []), ...(r.then ? [r.then.element.id] : [])];
  const keys: string[] = [];
  for (const k of [...order, ...records.flatMap((rec) => Object.keys(rec))]) if (!keys.includes(k)) keys.push(k);
  const byId = new Map(catalogue.dataElements.map((e) => [e.id, e]));
  const columns = keys.map((k) => {
    const e = byId.get(k);
    return { id: k, label: e ? e.label.sv : k, href: e ? link(docPath('data-element', e.id)) : undefined };
  });
  const rows = records.map((rec, i) => ({
    number: i + 1,
    cells: keys.map((k) => ({ value: rec[k], empty: rec[k] === undefined || rec[k] === '' })),
  }));
  return { columns, rows, multiple: records.length > 1 };
}

/** The page of one rule. */
export function ruleView(link: Linker, places: CodePlaces, catalogue: Catalogue, r: Rule): object {
  const owner = r.owner;
  const ownerKind = owner.kind === 'record-type' ? 'record-type' : 'obligation';
  return {
    id: r.id,
    message: r.message.sv,
    messageEn: r.message.en,
    description: r.description?.sv,
    checkHtml: ruleCheckHtml(link, places, r),
    shape: { key: r.shape, label: shapeLabel[r.shape], href: link(findingDocPath(r.shape)) },
    severity: { key: r.severity, label: severityLabel[r.severity], meaning: severityMeaning[r.severity] },
    validity: validityText(r.validFrom, r.validTo),
    owner: { href: link(docPath(ownerKind, owner.id)), label: owner.label.sv, kind: owner.kind === 'record-type' ? 'posttypen' : 'uppgiftsskyldigheten' },
    elements: r.elements.map((e) => elementLink(link, e)),
    legalBasis: r.legalBasis.map((c) => legalView(link, places, c)),
    examples: r.examples
      ? { pass: exampleView(link, catalogue, r, r.examples.pass), fail: exampleView(link, catalogue, r, r.examples.fail) }
      : undefined,
  };
}

/** A rule as a row in a list. */
export function ruleRow(link: Linker, r: Rule): object {
  return {
    href: link(docPath('rule', r.id)),
    id: r.id,
    message: r.message.sv,
    severity: { key: r.severity, label: severityLabel[r.severity] },
    validity: r.validFrom || r.validTo ? validityText(r.validFrom, r.validTo) : undefined,
  };
}

/** Everything that refers to an entity, computed once for all pages. */
export interface Usage {
  readonly elementsOfTerm: ReadonlyMap<Term, DataElement[]>;
  readonly elementsOfClassification: ReadonlyMap<Classification, DataElement[]>;
  readonly recordTypesOfElement: ReadonlyMap<DataElement, { rt: RecordType; re: RecordElement }[]>;
  readonly obligationsOfRecordType: ReadonlyMap<RecordType, Obligation[]>;
  readonly obligationsOfElement: ReadonlyMap<DataElement, Obligation[]>;
  readonly rulesOfElement: ReadonlyMap<DataElement, Rule[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}

/** Reverse references of the catalogue. */
export function usage(c: Catalogue): Usage {
  const elementsOfTerm = new Map<Term, DataElement[]>();
  const elementsOfClassification = new Map<Classification, DataElement[]>();
  for (const e of c.dataElements) {
    if (e.term) push(elementsOfTerm, e.term, e);
    if (e.classification) push(elementsOfClassification, e.classification, e);
  }
  const recordTypesOfElement = new Map<DataElement, { rt: RecordType; re: RecordElement }[]>();
  for (const rt of c.recordTypes) for (const re of rt.elements) push(recordTypesOfElement, re.element, { rt, re });
  const obligationsOfRecordType = new Map<RecordType, Obligation[]>();
  const obligationsOfElement = new Map<DataElement, Obligation[]>();
  for (const o of c.obligations) {
    for (const ort of o.recordTypes) {
      push(obligationsOfRecordType, ort.recordType, o);
      for (const re of ort.elements) push(obligationsOfElement, re.element, o);
    }
  }
  const rulesOfElement = new Map<DataElement, Rule[]>();
  for (const r of c.rules) {
    for (const e of [...r.elements, ...(r.when ? [r.when.element] : []), ...(r.then ? [r.then.element] : [])]) push(rulesOfElement, e, r);
  }
  return { elementsOfTerm, elementsOfClassification, recordTypesOfElement, obligationsOfRecordType, obligationsOfElement, rulesOfElement };
}

const byLabel = <T extends { label: { sv: string }; id: string }>(items: readonly T[]): T[] => sortSwedish(items, (i) => i.label.sv, (i) => i.id);

export function termView(link: Linker, u: Usage, t: Term): object {
  return {
    ...entityBase(t),
    termStatus: termStatusLabel[t.termStatus],
    discouraged: t.termStatus === 'discouraged',
    synonyms: [...t.synonyms],
    comment: t.comment?.sv,
    related: byLabel(t.related).map((r) => ({ href: link(docPath('term', r.id)), label: r.label.sv })),
    elements: byLabel(u.elementsOfTerm.get(t) ?? []).map((e) => elementLink(link, e)),
  };
}

function constraintsView(e: DataElement): object[] {
  const c = e.constraints;
  const out: object[] = [];
  if (c.minLength !== undefined) out.push({ label: 'Minsta antal tecken', value: String(c.minLength) });
  if (c.maxLength !== undefined) out.push({ label: 'Största antal tecken', value: String(c.maxLength) });
  if (c.minimum !== undefined) out.push({ label: 'Minsta värde', value: String(c.minimum) });
  if (c.maximum !== undefined) out.push({ label: 'Största värde', value: String(c.maximum) });
  if (c.pattern !== undefined) out.push({ label: 'Mönster (reguljärt uttryck)', value: c.pattern, code: true });
  return out.map((o) => ({ code: false, ...o }));
}

/** The privacy facts of an element, shared by its page and the privacy page. */
export function privacyView(link: Linker, places: CodePlaces, e: DataElement): object {
  const p = e.privacy;
  return {
    category: p ? categoryLabel[p.category] : 'Inte angiven',
    personal: p !== undefined && p.category !== 'none',
    sensitive: (p?.sensitive ?? []).map((s) => sensitiveLabel[s]),
    legalBasis: (p?.legalBasis ?? []).map((c) => legalView(link, places, c)),
  };
}

export function dataElementView(link: Linker, places: CodePlaces, u: Usage, e: DataElement, codeLimit: number): object {
  const cls = e.classification;
  // A subset is listed on the element's page; a whole classification is a link, since the list can be long.
  const subset = e.codes && cls && e.codes.length !== cls.codes.length ? e.codes : undefined;
  const shown = subset ? subset.slice(0, codeLimit) : [];
  return {
    ...entityBase(e),
    valueType: valueTypeLabel[e.valueType],
    term: e.term ? { href: link(docPath('term', e.term.id)), label: e.term.label.sv } : undefined,
    classification: cls ? { href: link(docPath('classification', cls.id)), label: cls.label.sv } : undefined,
    codes: subset
      ? {
          list: shown.map((c) => ({ href: link(codeHref(places, c)), code: c.code, label: c.label.sv, status: statusView(c.status), inactive: c.status === 'deprecated' || c.status === 'retired' })),
          more: subset.length > shown.length ? subset.length - shown.length : 0,
        }
      : undefined,
    constraints: constraintsView(e),
    privacy: privacyView(link, places, e),
    recordTypes: sortSwedish(u.recordTypesOfElement.get(e) ?? [], (x) => x.rt.label.sv, (x) => x.rt.id).map(({ rt, re }) => ({
      href: link(docPath('record-type', rt.id)),
      label: rt.label.sv,
      required: requiredLabel[re.required],
      validity: re.validFrom || re.validTo ? validityText(re.validFrom, re.validTo) : undefined,
      key: rt.key.includes(e),
    })),
    obligations: byLabel(u.obligationsOfElement.get(e) ?? []).map((o) => ({ href: link(docPath('obligation', o.id)), label: o.label.sv })),
    rules: sortSwedish(u.rulesOfElement.get(e) ?? [], (r) => r.id).map((r) => ruleRow(link, r)),
  };
}

function recordElementRow(link: Linker, rt: RecordType, re: RecordElement): object {
  const e = re.element;
  return {
    href: link(docPath('data-element', e.id)),
    label: e.label.sv,
    id: e.id,
    valueType: valueTypeLabel[e.valueType],
    classification: e.classification ? { href: link(docPath('classification', e.classification.id)), label: e.classification.label.sv } : undefined,
    required: { key: re.required, label: requiredLabel[re.required] },
    validity: re.validFrom || re.validTo ? validityText(re.validFrom, re.validTo) : undefined,
    key: rt.key.includes(e),
  };
}

export function recordTypeView(link: Linker, u: Usage, rt: RecordType): object {
  return {
    ...entityBase(rt),
    key: rt.key.map((e) => elementLink(link, e)),
    dateElement: rt.dateElement ? elementLink(link, rt.dateElement) : undefined,
    elements: rt.elements.map((re) => recordElementRow(link, rt, re)),
    rules: rt.rules.map((r) => ruleRow(link, r)),
    obligations: byLabel(u.obligationsOfRecordType.get(rt) ?? []).map((o) => ({ href: link(docPath('obligation', o.id)), label: o.label.sv })),
  };
}

export function obligationView(link: Linker, places: CodePlaces, o: Obligation): object {
  return {
    ...entityBase(o),
    actor: { href: link(codeHref(places, o.actor)), label: o.actor.label.sv },
    area: { href: link(codeHref(places, o.area)), label: o.area.label.sv },
    population: o.population?.sv,
    legalBasis: o.legalBasis.map((c) => legalView(link, places, c)),
    period: { kind: periodKindLabel[o.period.kind], text: periodText(o.period) },
    deadline: deadlineText(o),
    channel: channelLabel[o.channel],
    formats: o.formats.map((f) => formatLabel[f]),
    recordTypes: o.recordTypes.map((ort) => ({
      href: link(docPath('record-type', ort.recordType.id)),
      label: ort.recordType.label.sv,
      id: ort.recordType.id,
      validity: ort.validFrom || ort.validTo ? validityText(ort.validFrom, ort.validTo) : undefined,
      elements: ort.elements.map((re) => recordElementRow(link, ort.recordType, re)),
      rules: ort.recordType.rules
        .filter((r) => r.elements.every((e) => ort.elements.some((re) => re.element === e)))
        .map((r) => ruleRow(link, r)),
    })),
    rules: o.rules.map((r) => ruleRow(link, r)),
    reportHref: link(`${DOC_PAGES.report}?aktor=${encodeURIComponent(o.actor.code)}&omrade=${encodeURIComponent(o.area.code)}`),
  };
}

/** One node of the code tree. */
export interface CodeNode {
  readonly anchor: string;
  readonly code: string;
  readonly label: string;
  readonly labelEn: string | undefined;
  readonly definition: string | undefined;
  readonly status: StatusView;
  readonly showStatus: boolean;
  readonly inactive: boolean;
  readonly grouping: boolean;
  readonly validFrom: string;
  readonly validTo: string;
  readonly validity: string | undefined;
  readonly replacedBy: readonly object[];
  readonly replaces: readonly object[];
  readonly changeNote: string | undefined;
  readonly hasInfo: boolean;
  readonly children: readonly CodeNode[];
}

/** The tree of `roots` with links relative to the page it is shown on. */
export function codeTree(link: Linker, places: CodePlaces, roots: readonly Code[]): CodeNode[] {
  const node = (c: Code): CodeNode => {
    const ref = (r: Code): object => ({ href: link(codeHref(places, r)), code: r.code, label: r.label.sv });
    const inactive = c.status === 'deprecated' || c.status === 'retired';
    const validity = c.validFrom || c.validTo ? validityText(c.validFrom, c.validTo) : undefined;
    const replacedBy = c.replacedBy.map(ref);
    const replaces = c.replaces.map(ref);
    return {
      anchor: codeAnchor(c.code),
      code: c.code,
      label: c.label.sv,
      labelEn: c.label.en,
      definition: c.definition?.sv,
      status: statusView(c.status),
      showStatus: c.status !== c.classification.status || inactive,
      inactive,
      grouping: !c.selectable,
      validFrom: c.validFrom ?? '',
      validTo: c.validTo ?? '',
      validity,
      replacedBy,
      replaces,
      changeNote: c.changeNote,
      hasInfo: Boolean(c.definition || validity || replacedBy.length || replaces.length || c.changeNote || c.label.en),
      children: c.children.map(node),
    };
  };
  return roots.map(node);
}

/** Number of codes in a subtree. */
export function subtreeSize(c: Code): number {
  let n = 1;
  for (const child of c.children) n += subtreeSize(child);
  return n;
}

/**
 * Splits a long classification into parts of whole top-level subtrees, about `size` codes each, so
 * no page of a 50,000-code list is heavier than a few hundred kilobytes. A single subtree larger
 * than `size` gets a part of its own.
 */
export function splitParts(cls: Classification, size: number): Code[][] {
  const roots = cls.codes.filter((c) => !c.parent);
  const parts: Code[][] = [];
  let current: Code[] = [];
  let count = 0;
  for (const r of roots) {
    const n = subtreeSize(r);
    if (current.length > 0 && count + n > size) {
      parts.push(current);
      current = [];
      count = 0;
    }
    current.push(r);
    count += n;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Page path of part `i` (1-based) of a split classification. */
export function partPath(cls: Classification, i: number): string {
  return `klassifikationer/${cls.id}/del-${i}.html`;
}
