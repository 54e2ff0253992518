import type { Compatibility, SchemaDifference, SchemaEffect } from './types.js';

/**
 * Compatibility of two versions of a JSON Schema, decided keyword by keyword. It understands the
 * subset of JSON Schema 2020-12 that the json-schema generator emits (type, enum, const, pattern,
 * length and range bounds, properties with `additionalProperties: false`, required, items,
 * oneOf/anyOf/allOf, if/then/not, local `$ref`s into `$defs`) and is conservative about anything
 * else: a keyword it cannot reason about that differs counts as `changed` (both directions broken).
 * Deciding containment of two regular expressions is out of reach, so a changed pattern is `changed`.
 */

type Schema = { readonly [key: string]: unknown };

/** Keywords that never change which documents are valid. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);

const LOWER_BOUNDS = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties']);

/** Keywords holding subschemas. */
const STRUCTURAL = new Set(['items', 'oneOf', 'anyOf', 'allOf']);

const isObject = (x: unknown): x is Schema => typeof x === 'object' && x !== null && !Array.isArray(x);
const isAnnotation = (k: string): boolean => ANNOTATIONS.has(k) || k.startsWith('x-');

/** Stable JSON for equality: object keys sorted. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (isObject(x)) {
    return `{${Object.keys(x)
      .filter((k) => !isAnnotation(k))
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(x[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x);
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Compatibility from the effects found: tightening breaks old data, loosening breaks old validators. */
export function compatibilityOf(differences: readonly SchemaDifference[]): Compatibility {
  const backward = !differences.some((d) => d.effect !== 'loosened');
  const forward = !differences.some((d) => d.effect !== 'tightened');
  return backward && forward ? 'full' : backward ? 'backward' : forward ? 'forward' : 'none';
}

/**
 * Compares two schema documents (each with its own `$defs`) and lists every difference that
 * changes which documents are valid, with its effect.
 */
export function compareSchemas(before: Schema, after: Schema): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  const seen = new Set<string>();

  /** Follows a local `$ref` (`#/$defs/x`), keeping sibling keywords; other refs are left as they are. */
  const deref = (root: Schema, node: Schema): Schema => {
    let cur = node;
    for (let i = 0; i < 32 && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/'); i++) {
      const target = cur.$ref
        .slice(2)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), root);
      if (!isObject(target)) break;
      const { $ref: _ref, ...rest } = cur;
      cur = { ...target, ...rest };
    }
    return cur;
  };

  const add = (pointer: string, keyword: string, effect: SchemaEffect): void => {
    out.push({ pointer, keyword, effect });
  };

  /** Matches the branches of two lists: by `$ref`, then by `title` (rule ids), then by equal content. */
  const branchKey = (b: unknown, i: number): string =>
    isObject(b) && typeof b.$ref === 'string' ? `ref:${b.$ref.split('/').pop()}` : isObject(b) && typeof b.title === 'string' ? `title:${b.title}` : `#${canonical(b)}:${i}`;
  const branchName = (k: string): string => escape(k.startsWith('ref:') || k.startsWith('title:') ? k.slice(k.indexOf(':') + 1) : k.slice(1, 13));

  const node = (a0: Schema, b0: Schema, pointer: string): void => {
    const a = deref(before, a0);
    const b = deref(after, b0);
    const key = `${pointer}\u0000${canonical(a)}\u0000${canonical(b)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isAnnotation(k));
    const closedA = a.additionalProperties === false;
    const closedB = b.additionalProperties === false;
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (k === 'properties' || k === 'required' || k === 'additionalProperties') continue; // together below
      // Subschemas are always walked: equal text can hide different `$defs` behind the same `$ref`.
      if (!STRUCTURAL.has(k) && canonical(x) === canonical(y)) continue;
      if (k === 'type') {
        // integer is a subset of number: widening it accepts more, narrowing it less.
        if (x === 'integer' && y === 'number') add(pointer, k, 'loosened');
        else if (x === 'number' && y === 'integer') add(pointer, k, 'tightened');
        else if (x === undefined) add(pointer, k, 'tightened');
        else if (y === undefined) add(pointer, k, 'loosened');
        else add(pointer, k, 'changed');
      } else if (k === 'enum') {
        if (!Array.isArray(x)) add(pointer, k, 'tightened');
        else if (!Array.isArray(y)) add(pointer, k, 'loosened');
        else {
          const xs = new Set(x.map(canonical));
          const ys = new Set(y.map(canonical));
          if ([...xs].some((v) => !ys.has(v))) add(pointer, k, 'tightened');
          if ([...ys].some((v) => !xs.has(v))) add(pointer, k, 'loosened');
        }
      } else if (LOWER_BOUNDS.has(k) || UPPER_BOUNDS.has(k)) {
        if (x === undefined) add(pointer, k, 'tightened');
        else if (y === undefined) add(pointer, k, 'loosened');
        else if (typeof x === 'number' && typeof y === 'number') {
          const tighter = LOWER_BOUNDS.has(k) ? y > x : y < x;
          add(pointer, k, tighter ? 'tightened' : 'loosened');
        } else add(pointer, k, 'changed');
      } else if (k === 'pattern' || k === 'const' || k === 'format') {
        add(pointer, k, x === undefined ? 'tightened' : y === undefined ? 'loosened' : 'changed');
      } else if (k === 'items' && isObject(x) && isObject(y)) {
        node(x, y, `${pointer}/items`);
      } else if ((k === 'oneOf' || k === 'anyOf' || k === 'allOf') && Array.isArray(x) && Array.isArray(y)) {
        // A branch more in oneOf/anyOf accepts more; a conjunct more in allOf accepts less.
        const conj = k === 'allOf';
        const xm = new Map(x.map((v, i) => [branchKey(v, i), v]));
        const ym = new Map(y.map((v, i) => [branchKey(v, i), v]));
        for (const [bk, v] of ym) {
          const old = xm.get(bk);
          if (old === undefined) add(`${pointer}/${k}/${branchName(bk)}`, k, conj ? 'tightened' : 'loosened');
          else if (isObject(old) && isObject(v)) node(old, v, `${pointer}/${k}/${branchName(bk)}`);
        }
        for (const bk of xm.keys()) if (!ym.has(bk)) add(`${pointer}/${k}/${branchName(bk)}`, k, conj ? 'loosened' : 'tightened');
      } else if (x === undefined) {
        // A new assertion keyword this module does not know: assume it only narrows.
        add(pointer, k, 'tightened');
      } else if (y === undefined) {
        add(pointer, k, 'loosened');
      } else if (canonical(x) !== canonical(y)) {
        add(pointer, k, 'changed');
      }
    }

    // Objects: properties, required and additionalProperties decide together.
    const pa = isObject(a.properties) ? a.properties : {};
    const pb = isObject(b.properties) ? b.properties : {};
    for (const name of Object.keys(pb)) {
      const p = `${pointer}/properties/${escape(name)}`;
      if (!(name in pa)) {
        // A new property: a closed old schema rejects new data that has it; an open one allowed anything there.
        add(p, 'properties', closedA ? 'loosened' : 'tightened');
      } else if (isObject(pa[name]) && isObject(pb[name])) node(pa[name] as Schema, pb[name] as Schema, p);
    }
    for (const name of Object.keys(pa)) {
      if (!(name in pb)) add(`${pointer}/properties/${escape(name)}`, 'properties', closedB ? 'tightened' : 'loosened');
    }
    const ra = new Set(Array.isArray(a.required) ? (a.required as string[]) : []);
    const rb = new Set(Array.isArray(b.required) ? (b.required as string[]) : []);
    for (const name of rb) if (!ra.has(name)) add(`${pointer}/properties/${escape(name)}`, 'required', 'tightened');
    for (const name of ra) if (!rb.has(name)) add(`${pointer}/properties/${escape(name)}`, 'required', 'loosened');
    if (closedA !== closedB && (a.additionalProperties !== undefined || b.additionalProperties !== undefined)) {
      if (typeof a.additionalProperties !== 'object' && typeof b.additionalProperties !== 'object') {
        add(pointer, 'additionalProperties', closedB ? 'tightened' : 'loosened');
      } else add(pointer, 'additionalProperties', 'changed');
    }
  };

  node(before, after, '');
  return out;
}
