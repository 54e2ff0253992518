import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';
import type { DataElement } from '../../model/types.js';

/** An element outside every record type can never be reported. */
export const unusedElement: Check = {
  codes: ['rule/unused-element'],
  run(ctx) {
    const used = new Set<DataElement>(ctx.catalogue.recordTypes.flatMap((rt) => rt.elements.map((x) => x.element)));
    return ctx.catalogue.dataElements.filter((e) => !used.has(e)).map((e) => diagnostic('rule/unused-element', { id: e.id }, e.location));
  },
};
