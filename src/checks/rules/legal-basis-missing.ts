import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';

/** Personal data may only be processed with a legal basis. */
export const legalBasisMissing: Check = {
  codes: ['rule/legal-basis-missing'],
  run(ctx) {
    return ctx.catalogue.dataElements
      .filter((e) => e.privacy && e.privacy.category !== 'none' && e.privacy.legalBasis.length === 0)
      .map((e) => diagnostic('rule/legal-basis-missing', {}, ctx.locate(e, '/privacy/category')));
  },
};
