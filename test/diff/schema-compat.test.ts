import { describe, expect, it } from 'vitest';
import { compareSchemas, compatibilityOf } from '../../src/index.js';

const row = (extra: Record<string, unknown> = {}, props: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: { a: { $ref: '#/$defs/a', description: 'x' }, ...props },
  required: ['a'],
  additionalProperties: false,
  ...extra,
});
const doc = (defs: Record<string, unknown>, body: Record<string, unknown>) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...body, $defs: defs });

describe('compareSchemas', () => {
  it('ignores annotations: titles, descriptions, $id and x-labels', () => {
    const a = doc({ a: { type: 'string', title: 'A', 'x-labels': { '1': 'Ett' } } }, { $id: 'urn:x:v1', ...row() });
    const b = doc({ a: { type: 'string', title: 'B', 'x-labels': { '1': 'One' } } }, { $id: 'urn:x:v2', ...row() });
    expect(compareSchemas(a, b)).toEqual([]);
    expect(compatibilityOf([])).toBe('full');
  });

  it('follows $refs: a tightened definition is found behind an unchanged reference', () => {
    const a = doc({ a: { type: 'string', maxLength: 10 } }, row());
    const b = doc({ a: { type: 'string', maxLength: 8 } }, row());
    const d = compareSchemas(a, b);
    expect(d).toEqual([{ pointer: '/properties/a', keyword: 'maxLength', effect: 'tightened' }]);
    expect(compatibilityOf(d)).toBe('forward');
  });

  it('a required property is tightening; a new optional property in a closed object is loosening', () => {
    const a = doc({ a: { type: 'string' } }, row());
    const b = doc({ a: { type: 'string' } }, row({ required: ['a', 'b'] }, { b: { type: 'string' } }));
    expect(compareSchemas(a, b)).toEqual([
      { pointer: '/properties/b', keyword: 'properties', effect: 'loosened' },
      { pointer: '/properties/b', keyword: 'required', effect: 'tightened' },
    ]);
    expect(compatibilityOf(compareSchemas(a, b))).toBe('none');
    const c = doc({ a: { type: 'string' } }, row({}, { b: { type: 'string' } }));
    expect(compatibilityOf(compareSchemas(a, c))).toBe('backward');
  });

  it('a new branch of oneOf accepts more; a new conjunct of allOf (a rule) accepts less', () => {
    const a = doc({}, { type: 'array', items: { oneOf: [{ $ref: '#/$defs/x' }] }, allOf: [{ title: 'r1', required: ['x'] }] });
    const b = doc({}, { type: 'array', items: { oneOf: [{ $ref: '#/$defs/x' }, { $ref: '#/$defs/y' }] }, allOf: [{ title: 'r1', required: ['x'] }, { title: 'r2', required: ['y'] }] });
    expect(compareSchemas(a, b)).toEqual([
      { pointer: '/items/oneOf/y', keyword: 'oneOf', effect: 'loosened' },
      { pointer: '/allOf/r2', keyword: 'allOf', effect: 'tightened' },
    ]);
  });

  it('integer to number widens, a changed pattern is changed both ways, enum growth loosens', () => {
    expect(compareSchemas({ type: 'integer' }, { type: 'number' })).toEqual([{ pointer: '', keyword: 'type', effect: 'loosened' }]);
    expect(compareSchemas({ type: 'string', pattern: '^a$' }, { type: 'string', pattern: '^b$' })).toEqual([{ pointer: '', keyword: 'pattern', effect: 'changed' }]);
    expect(compareSchemas({ enum: ['1', '2'] }, { enum: ['1', '2', '3'] })).toEqual([{ pointer: '', keyword: 'enum', effect: 'loosened' }]);
    expect(compatibilityOf(compareSchemas({ enum: ['1', '2'] }, { enum: ['1', '3'] }))).toBe('none');
  });
});
