import type { Catalogue, Entity } from '../../model/types.js';

/** Every entity of the catalogue, kinds in a fixed order. */
export function allEntities(c: Catalogue): Entity[] {
  return [...c.terms, ...c.classifications, ...c.dataElements, ...c.recordTypes, ...c.obligations];
}
