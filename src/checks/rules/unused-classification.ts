import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';
import type { Classification } from '../../model/types.js';

/** A classification no element (or manifest binding) uses is dead weight to maintain and publish. */
export const unusedClassification: Check = {
  codes: ['rule/unused-classification'],
  run(ctx) {
    const c = ctx.catalogue;
    const used = new Set<Classification>(c.dataElements.flatMap((e) => (e.classification ? [e.classification] : [])));
    for (const b of [c.legalBasisClassification, c.actorClassification, c.areaClassification]) if (b) used.add(b);
    return c.classifications.filter((x) => !used.has(x)).map((x) => diagnostic('rule/unused-classification', { id: x.id }, x.location));
  },
};
