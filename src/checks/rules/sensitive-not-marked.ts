import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';

/** An element whose codes reveal health or offences is sensitive data and must be marked so. */
export const sensitiveNotMarked: Check = {
  codes: ['rule/sensitive-not-marked'],
  run(ctx) {
    return ctx.catalogue.dataElements.flatMap((e) => {
      const c = e.classification;
      if (!c || c.sensitive.length === 0) return [];
      const marked = new Set(e.privacy?.sensitive ?? []);
      const missing = c.sensitive.filter((s) => !marked.has(s));
      return missing.length === 0 ? [] : [diagnostic('rule/sensitive-not-marked', { sensitive: missing, classification: c.id }, ctx.locate(e, '/classification'))];
    });
  },
};
