import { diagnostic, type DiagnosticCode, type MessageParams } from '../diagnostics/messages.js';
import type { Diagnostic, Result, SourceLocation } from '../diagnostics/types.js';
import type { RawCatalogue, RawEntity } from '../loader/load.js';
import type {
  Catalogue,
  Classification,
  Code,
  Condition,
  DataElement,
  ExampleRecord,
  Manifest,
  Obligation,
  ObligationRecordType,
  RecordElement,
  RecordType,
  Release,
  Rule,
  Term,
  Text,
} from './types.js';

/* The raw shapes, as guaranteed by the format schema (schema/*.schema.json). */
type Obj = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** True when an ISO date string names a day that exists (the schema only checks its form). */
export function isRealDate(value: string): boolean {
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/**
 * Resolves a raw catalogue: ids become object references, and every broken reference, duplicate,
 * cycle or inverted validity is a diagnostic at the value that causes it. The catalogue is returned
 * even when references are broken (they are left out), so later checks can still run; it is
 * `undefined` only without a readable manifest.
 */
export function resolveCatalogue(raw: RawCatalogue): Result<Catalogue | undefined> {
  const diagnostics: Diagnostic[] = [];
  const report = <C extends DiagnosticCode>(code: C, params: MessageParams<C>, where: SourceLocation, related?: SourceLocation[]): void => {
    diagnostics.push(diagnostic(code, params, where, related ? { related } : {}));
  };
  const at = (e: RawEntity, pointer: string, target?: 'value' | 'key'): SourceLocation => e.locator.locate(pointer, target);

  /** Reports a missing or inverted validity pair at `pointer` (the object holding validFrom/validTo). */
  const checkValidity = (e: RawEntity, o: Obj, pointer: string): void => {
    for (const k of ['validFrom', 'validTo'] as const) {
      const v = o[k];
      if (typeof v === 'string' && !isRealDate(v)) report('ref/invalid-date', { value: v }, at(e, `${pointer}/${k}`));
    }
    if (typeof o.validFrom === 'string' && typeof o.validTo === 'string' && o.validTo < o.validFrom) {
      report('ref/validity-order', { from: o.validFrom, to: o.validTo }, at(e, `${pointer}/validTo`));
    }
  };

  /** Reports a date that does not exist: an ISO date, or a day of the year (--MM-DD, where --02-29 exists). */
  const checkDate = (e: RawEntity, value: unknown, pointer: string): void => {
    if (typeof value !== 'string') return;
    const iso = value.startsWith('--') ? `2000${value.slice(1)}` : value;
    if (!isRealDate(iso)) report('ref/invalid-date', { value }, at(e, pointer));
  };

  const text = (t: unknown): Text => {
    const o = (t ?? {}) as Obj;
    const out: Mutable<Text> = { sv: (o.sv as string | undefined) ?? '' };
    if (typeof o.en === 'string') out.en = o.en;
    return out;
  };
  const optionalText = (t: unknown): Text | undefined => (t === undefined ? undefined : text(t));
  const base = (e: RawEntity) => {
    const v = e.value;
    checkValidity(e, v, '');
    checkDate(e, (v.source as Obj | undefined)?.date, '/source/date');
    return {
      id: v.id as string,
      label: text(v.label),
      definition: text(v.definition),
      status: v.status as Term['status'],
      ...(v.validFrom ? { validFrom: v.validFrom as string } : {}),
      ...(v.validTo ? { validTo: v.validTo as string } : {}),
      ...(v.changeNote ? { changeNote: v.changeNote as string } : {}),
      ...(v.source ? { source: v.source as Term['source'] } : {}),
      location: at(e, '/id'),
    };
  };

  const ofKind = (kind: string): RawEntity[] => raw.entities.filter((e) => e.kind === kind);

  /** Indexes entities by id, reporting an id used twice (e.g. x.yaml and x.yml). */
  const index = <T extends { id: string; location: SourceLocation }>(items: T[], kind: string): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of items) {
      const first = map.get(item.id);
      if (first) report('ref/duplicate-id', { kind, id: item.id }, item.location, [first.location]);
      else map.set(item.id, item);
    }
    return map;
  };

  // --- terms ---------------------------------------------------------------------------------
  const termRaw = new Map<Term, RawEntity>();
  const terms = ofKind('term').map((e) => {
    const v = e.value;
    const t: Mutable<Term> = {
      kind: 'term',
      ...base(e),
      termStatus: v.termStatus as Term['termStatus'],
      synonyms: (v.synonyms as string[] | undefined) ?? [],
      ...(v.comment ? { comment: text(v.comment) } : {}),
      related: [],
    };
    termRaw.set(t, e);
    return t;
  });
  const termMap = index(terms, 'term');
  for (const t of terms) {
    const e = termRaw.get(t)!;
    const related: Term[] = [];
    ((e.value.related as string[] | undefined) ?? []).forEach((id, i) => {
      const r = termMap.get(id);
      if (r) related.push(r);
      else report('ref/unknown-term', { id }, at(e, `/related/${i}`));
    });
    t.related = related.sort(byId);
  }

  // --- classifications -------------------------------------------------------------------------
  const classificationRaw = new Map<Classification, RawEntity>();
  const classifications = ofKind('classification').map((e) => {
    const v = e.value;
    const c: Mutable<Classification> = {
      kind: 'classification',
      ...base(e),
      ...(v.owner ? { owner: v.owner as string } : {}),
      ...(v.edition ? { edition: v.edition as string } : {}),
      sensitive: (v.sensitive as Classification['sensitive'] | undefined) ?? [],
      ...(v.codesFile ? { codesFile: v.codesFile as string } : {}),
      codes: [],
      codeMap: new Map(),
    };
    classificationRaw.set(c, e);
    if (v.codes !== undefined && v.codesFile !== undefined && e.document.value && (e.document.value as Obj).codes !== undefined) {
      report('ref/codes-source', {}, at(e, '/codesFile', 'key'));
    } else if (v.codes === undefined) {
      report('ref/codes-source', {}, at(e, '/id'));
    }
    resolveCodes(e, c);
    return c;
  });
  const classificationMap = index(classifications, 'classification');

  function resolveCodes(e: RawEntity, c: Mutable<Classification>): void {
    const rawCodes = (e.value.codes as Obj[] | undefined) ?? [];
    const codeMap = new Map<string, Mutable<Code>>();
    const codes: Mutable<Code>[] = [];
    const atIndex: (Mutable<Code> | undefined)[] = [];
    rawCodes.forEach((rc, i) => {
      const value = rc.code as string;
      // Built field by field, not with spreads: a classification can have 50,000 codes.
      const code: Mutable<Code> = {
        code: value,
        classification: c,
        label: text(rc.label),
        children: [],
        selectable: rc.selectable !== false,
        status: (rc.status as Code['status'] | undefined) ?? 'active',
        replacedBy: [],
        replaces: [],
        location: at(e, `/codes/${i}/code`),
      };
      if (rc.definition) code.definition = text(rc.definition);
      if (rc.validFrom) code.validFrom = rc.validFrom as string;
      if (rc.validTo) code.validTo = rc.validTo as string;
      if (rc.changeNote) code.changeNote = rc.changeNote as string;
      checkValidity(e, rc, `/codes/${i}`);
      const first = codeMap.get(value);
      if (first) {
        report('ref/duplicate-code', { code: value, classification: c.id }, code.location, [first.location]);
        return;
      }
      codeMap.set(value, code);
      codes.push(code);
      atIndex[i] = code;
    });
    rawCodes.forEach((rc, i) => {
      const code = atIndex[i];
      if (!code) return; // a duplicate, already reported
      if (typeof rc.parent === 'string') {
        const parent = codeMap.get(rc.parent);
        if (parent) {
          code.parent = parent;
        } else report('ref/unknown-parent', { code: rc.parent }, at(e, `/codes/${i}/parent`));
      }
      ((rc.replacedBy as string[] | undefined) ?? []).forEach((r, j) => {
        const target = codeMap.get(r);
        if (target) {
          (code.replacedBy as Code[]).push(target);
          (target.replaces as Code[]).push(code);
        } else report('ref/unknown-replacement', { code: r }, at(e, `/codes/${i}/replacedBy/${j}`));
      });
    });
    // Cycles: follow each parent chain; a chain that returns to a code on it is reported once,
    // at the first code of the cycle in declared order, and the parent link is cut.
    const done = new Set<Code>();
    codes.forEach((code) => {
      const path: Mutable<Code>[] = [];
      let cur: Mutable<Code> | undefined = code;
      while (cur && !done.has(cur) && !path.includes(cur)) {
        path.push(cur);
        cur = cur.parent as Mutable<Code> | undefined;
      }
      if (cur && path.includes(cur)) {
        const cycle = path.slice(path.indexOf(cur));
        const first = codes.find((x) => cycle.includes(x))!;
        const i = atIndex.indexOf(first);
        report('ref/hierarchy-cycle', { path: [...cycle.map((x) => x.code), cur.code] }, at(e, `/codes/${i}/parent`));
        delete first.parent;
      }
      for (const p of path) done.add(p);
    });
    for (const code of codes) if (code.parent) (code.parent.children as Code[]).push(code);
    c.codes = codes;
    c.codeMap = codeMap;
  }

  // --- manifest and bindings --------------------------------------------------------------------
  let manifest: Manifest | undefined;
  const bindings: { legalBasis?: Classification; actor?: Classification; area?: Classification } = {};
  if (raw.manifest) {
    const m = raw.manifest;
    const v = m.value;
    checkDate(m, (v.source as Obj | undefined)?.date, '/source/date');
    manifest = {
      id: v.id as string,
      label: text(v.label),
      ...(v.definition ? { definition: text(v.definition) } : {}),
      version: v.version as string,
      status: v.status as Manifest['status'],
      ...(v.publisher ? { publisher: v.publisher as string } : {}),
      languages: v.languages as Manifest['languages'],
      ...(v.changeNote ? { changeNote: v.changeNote as string } : {}),
      ...(v.source ? { source: v.source as Manifest['source'] } : {}),
      checks: (v.checks as Manifest['checks'] | undefined) ?? {},
      ...(typeof v.previousRelease === 'string' ? { previousRelease: v.previousRelease } : {}),
      releases: ((v.releases as Obj[] | undefined) ?? []).map((r, i): Release => {
        checkDate(m, r.date, `/releases/${i}/date`);
        return {
          version: r.version as string,
          date: r.date as string,
          ...(typeof r.previous === 'string' ? { previous: r.previous } : {}),
          ...(typeof r.level === 'string' ? { level: r.level as NonNullable<Release['level']> } : {}),
          ...(r.summary ? { summary: text(r.summary) } : {}),
          location: at(m, `/releases/${i}/version`),
        };
      }),
      location: at(m, '/id'),
    };
    for (const k of ['legalBasis', 'actor', 'area'] as const) {
      const id = (v.bindings as Obj)[k] as string;
      const c = classificationMap.get(id);
      if (c) bindings[k] = c;
      else report('ref/unknown-classification', { id }, at(m, `/bindings/${k}`));
    }
  }

  /** Resolves codes of a bound classification (legal basis, actor, area). */
  const boundCodes = (e: RawEntity, values: string | readonly string[], pointer: string, c: Classification | undefined): Code[] => {
    if (!c) return [];
    const out: Code[] = [];
    // A single value (actor, area) is reported at its own pointer, a list's items at /<i>.
    (typeof values === 'string' ? [values] : values).forEach((v, i) => {
      const code = c.codeMap.get(v);
      if (code) out.push(code);
      else report('ref/unknown-code', { code: v, classification: c.id }, at(e, typeof values === 'string' ? pointer : `${pointer}/${i}`));
    });
    return out;
  };

  // --- data elements -------------------------------------------------------------------------
  const CODED = new Set(['code', 'municipality-code']);
  const elements = ofKind('data-element').map((e) => {
    const v = e.value;
    const el: Mutable<DataElement> = {
      kind: 'data-element',
      ...base(e),
      valueType: v.valueType as DataElement['valueType'],
      constraints: (v.constraints as DataElement['constraints'] | undefined) ?? {},
    };
    if (typeof v.term === 'string') {
      const t = termMap.get(v.term);
      if (t) el.term = t;
      else report('ref/unknown-term', { id: v.term }, at(e, '/term'));
    }
    if (CODED.has(el.valueType)) {
      if (typeof v.classification !== 'string') {
        report('ref/classification-required', { valueType: el.valueType }, at(e, '/valueType'));
      } else {
        const c = classificationMap.get(v.classification);
        if (!c) report('ref/unknown-classification', { id: v.classification }, at(e, '/classification'));
        else {
          el.classification = c;
          if (v.codes) {
            const codes: Code[] = [];
            (v.codes as string[]).forEach((code, i) => {
              const found = c.codeMap.get(code);
              if (found) codes.push(found);
              else report('ref/unknown-code', { code, classification: c.id }, at(e, `/codes/${i}`));
            });
            el.codes = codes;
          }
        }
      }
    } else if (v.classification !== undefined || v.codes !== undefined) {
      report('ref/classification-not-allowed', { valueType: el.valueType }, at(e, v.classification !== undefined ? '/classification' : '/codes', 'key'));
    }
    const p = v.privacy as Obj | undefined;
    if (p) {
      el.privacy = {
        category: p.category as NonNullable<DataElement['privacy']>['category'],
        sensitive: (p.sensitive as NonNullable<DataElement['privacy']>['sensitive'] | undefined) ?? [],
        legalBasis: boundCodes(e, (p.legalBasis as string[] | undefined) ?? [], '/privacy/legalBasis', bindings.legalBasis),
      };
    }
    return el;
  });
  const elementMap = index(elements, 'data-element');

  // --- record types and rules ------------------------------------------------------------------
  const ruleMap = new Map<string, Rule>();

  /** Resolves element ids that must belong to `scope` (a record type's or obligation's elements). */
  const scopedElement = (e: RawEntity, id: string, pointer: string, scope: ReadonlyMap<string, DataElement>, scopeName: string): DataElement | undefined => {
    const el = elementMap.get(id);
    if (!el) report('ref/unknown-element', { id }, at(e, pointer));
    else if (!scope.has(id)) report('ref/element-not-in-record-type', { element: id, recordType: scopeName }, at(e, pointer));
    else return el;
    return undefined;
  };
  const scopedElements = (e: RawEntity, ids: readonly string[], pointer: string, scope: ReadonlyMap<string, DataElement>, scopeName: string): DataElement[] =>
    ids.flatMap((id, i) => scopedElement(e, id, `${pointer}/${i}`, scope, scopeName) ?? []);

  const recordTypeMap = new Map<string, RecordType>();
  const pendingRules: (() => void)[] = [];

  function resolveRules(e: RawEntity, owner: Mutable<RecordType> | Mutable<Obligation>, scope: () => ReadonlyMap<string, DataElement>, scopeName: string): void {
    const rules: Rule[] = [];
    owner.rules = rules;
    const rawRules = (e.value.rules as Obj[] | undefined) ?? [];
    // Rules may refer to record types defined later in file order, so they resolve after all of them.
    pendingRules.push(() => {
      rawRules.forEach((r, i) => {
        const ptr = `/rules/${i}`;
        const s = scope();
        const shape = r.shape as Rule['shape'];
        const ruleElements = scopedElements(e, r.elements as string[], `${ptr}/elements`, s, scopeName);
        const condition = (key: 'when' | 'then'): Condition | undefined => {
          const c = r[key] as Obj | undefined;
          if (!c) return undefined;
          const el = scopedElement(e, c.element as string, `${ptr}/${key}/element`, s, scopeName);
          if (!el) return undefined;
          const cond: Mutable<Condition> = { element: el };
          if (typeof c.present === 'boolean') cond.present = c.present;
          if (c.equals) {
            if (!el.classification) report('ref/rule-shape', { shape, detail: `${el.id} har ingen klassifikation att jämföra koder med` }, at(e, `${ptr}/${key}/equals`, 'key'));
            else cond.equals = boundCodes(e, c.equals as string[], `${ptr}/${key}/equals`, el.classification);
          }
          return cond;
        };
        const rule: Mutable<Rule> = {
          id: r.id as string,
          owner: owner as RecordType | Obligation,
          shape,
          severity: r.severity as Rule['severity'],
          message: text(r.message),
          ...(r.description ? { description: text(r.description) } : {}),
          elements: ruleElements,
          groupBy: r.groupBy ? scopedElements(e, r.groupBy as string[], `${ptr}/groupBy`, s, scopeName) : [],
          ...(typeof r.minimum === 'number' ? { minimum: r.minimum } : {}),
          ...(typeof r.maximum === 'number' ? { maximum: r.maximum } : {}),
          legalBasis: boundCodes(e, (r.legalBasis as string[] | undefined) ?? [], `${ptr}/legalBasis`, bindings.legalBasis),
          ...(r.validFrom ? { validFrom: r.validFrom as string } : {}),
          ...(r.validTo ? { validTo: r.validTo as string } : {}),
          location: at(e, `${ptr}/id`),
        };
        const when = condition('when');
        const then = condition('then');
        if (when) rule.when = when;
        if (then) rule.then = then;
        checkValidity(e, r, ptr);
        if (r.target) {
          const t = r.target as Obj;
          const rt = recordTypeMap.get(t.recordType as string);
          if (!rt) report('ref/unknown-record-type', { id: t.recordType as string }, at(e, `${ptr}/target/recordType`));
          else {
            const targetScope = new Map(rt.elements.map((x) => [x.element.id, x.element]));
            rule.target = { recordType: rt, elements: scopedElements(e, t.elements as string[], `${ptr}/target/elements`, targetScope, rt.id) };
          }
        }
        if (r.examples) {
          const ex = r.examples as { pass: unknown; fail: unknown };
          const list = (x: unknown): ExampleRecord[] => (Array.isArray(x) ? (x as ExampleRecord[]) : [x as ExampleRecord]);
          rule.examples = { pass: list(ex.pass), fail: list(ex.fail) };
        }
        const problem = shapeProblem(r);
        if (problem) report('ref/rule-shape', { shape, detail: problem }, at(e, `${ptr}/shape`));
        const first = ruleMap.get(rule.id);
        if (first) report('ref/duplicate-id', { kind: 'rule', id: rule.id }, rule.location, [first.location]);
        else {
          ruleMap.set(rule.id, rule);
          rules.push(rule);
        }
      });
    });
  }

  const recordTypes = ofKind('record-type').map((e) => {
    const v = e.value;
    const rt: Mutable<RecordType> = { kind: 'record-type', ...base(e), key: [], elements: [], rules: [] };
    const list: RecordElement[] = [];
    const seen = new Map<string, number>();
    (v.elements as Obj[]).forEach((item, i) => {
      const id = item.element as string;
      const el = elementMap.get(id);
      checkValidity(e, item, `/elements/${i}`);
      if (!el) return report('ref/unknown-element', { id }, at(e, `/elements/${i}/element`));
      if (seen.has(id)) return report('ref/duplicate-element', { element: id }, at(e, `/elements/${i}/element`), [at(e, `/elements/${seen.get(id)}/element`)]);
      seen.set(id, i);
      list.push({
        element: el,
        required: item.required as RecordElement['required'],
        ...(item.validFrom ? { validFrom: item.validFrom as string } : {}),
        ...(item.validTo ? { validTo: item.validTo as string } : {}),
        location: at(e, `/elements/${i}/element`),
      });
    });
    rt.elements = list;
    const scope = new Map(list.map((x) => [x.element.id, x.element]));
    rt.key = scopedElements(e, v.key as string[], '/key', scope, rt.id);
    if (typeof v.dateElement === 'string') {
      const d = scopedElement(e, v.dateElement, '/dateElement', scope, rt.id);
      if (d) rt.dateElement = d;
    }
    resolveRules(e, rt, () => scope, rt.id);
    return rt;
  });
  for (const [id, rt] of index(recordTypes, 'record-type')) recordTypeMap.set(id, rt);

  // --- obligations ---------------------------------------------------------------------------
  const invalidObligations = new Set<Obligation>();
  const obligations = ofKind('obligation').map((e) => {
    const v = e.value;
    const actor = boundCodes(e, v.actor as string, '/actor', bindings.actor)[0];
    const area = boundCodes(e, v.area as string, '/area', bindings.area)[0];
    const ob: Mutable<Obligation> = {
      kind: 'obligation',
      ...base(e),
      actor: actor!,
      area: area!,
      ...(v.population ? { population: text(v.population) } : {}),
      legalBasis: boundCodes(e, v.legalBasis as string[], '/legalBasis', bindings.legalBasis),
      recordTypes: [],
      period: v.period as Obligation['period'],
      deadline: { adjust: 'next-working-day', ...(v.deadline as Obj) } as Obligation['deadline'],
      channel: v.channel as Obligation['channel'],
      formats: v.formats as Obligation['formats'],
      rules: [],
    };
    checkDate(e, (v.period as Obj).date, '/period/date');
    checkDate(e, (v.deadline as Obj).date, '/deadline/date');
    const scope = new Map<string, DataElement>();
    (v.recordTypes as Obj[]).forEach((item, i) => {
      checkValidity(e, item, `/recordTypes/${i}`);
      const rt = recordTypeMap.get(item.recordType as string);
      if (!rt) return report('ref/unknown-record-type', { id: item.recordType as string }, at(e, `/recordTypes/${i}/recordType`));
      let chosen = rt.elements;
      if (item.elements) {
        const names = new Set(scopedElements(e, item.elements as string[], `/recordTypes/${i}/elements`, new Map(rt.elements.map((x) => [x.element.id, x.element])), rt.id).map((x) => x.id));
        // Key elements are always reported: without them a record cannot be identified.
        chosen = rt.elements.filter((x) => names.has(x.element.id) || rt.key.includes(x.element));
      }
      for (const x of chosen) scope.set(x.element.id, x.element);
      (ob.recordTypes as ObligationRecordType[]).push({
        recordType: rt,
        elements: chosen,
        ...(item.validFrom ? { validFrom: item.validFrom as string } : {}),
        ...(item.validTo ? { validTo: item.validTo as string } : {}),
      });
    });
    resolveRules(e, ob, () => scope, ob.id);
    if (!actor || !area) invalidObligations.add(ob);
    return ob;
  });
  index(obligations, 'obligation');
  for (const resolve of pendingRules) resolve();

  if (!manifest) return { value: undefined, diagnostics };
  const catalogue: Catalogue = {
    manifest,
    ...(bindings.legalBasis ? { legalBasisClassification: bindings.legalBasis } : {}),
    ...(bindings.actor ? { actorClassification: bindings.actor } : {}),
    ...(bindings.area ? { areaClassification: bindings.area } : {}),
    terms: [...termMap.values()].sort(byId),
    classifications: [...classificationMap.values()].sort(byId),
    dataElements: [...elementMap.values()].sort(byId),
    recordTypes: [...recordTypeMap.values()].sort(byId),
    obligations: obligations.filter((o) => !invalidObligations.has(o)).sort(byId),
    rules: [...ruleMap.values()].sort(byId),
  };
  return { value: catalogue, diagnostics };
}

/** What a rule of a given shape lacks, in Swedish, or undefined when it is complete. */
function shapeProblem(r: Obj): string | undefined {
  const n = (r.elements as string[]).length;
  switch (r.shape) {
    case 'required-if':
      return r.when && r.then ? undefined : 'when och then behövs';
    case 'date-order':
    case 'code-valid-on-date':
      return n === 2 ? undefined : 'elements ska ha exakt två uppgifter';
    case 'no-overlap':
      return n === 2 && r.groupBy ? undefined : 'elements ska ha start och slut, och groupBy behövs';
    case 'within-period':
      return n === 1 ? undefined : 'elements ska ha exakt en datumuppgift';
    case 'exactly-one-of':
      return n >= 2 ? undefined : 'elements ska ha minst två uppgifter';
    case 'unique-key':
      return n >= 1 ? undefined : 'elements ska ha minst en uppgift';
    case 'reference-exists': {
      const t = r.target as Obj | undefined;
      return t && (t.elements as string[]).length === n ? undefined : 'target behövs, med lika många uppgifter som elements';
    }
    case 'range':
      return n === 1 && (typeof r.minimum === 'number' || typeof r.maximum === 'number') ? undefined : 'en uppgift och minimum eller maximum behövs';
    default:
      return undefined;
  }
}
