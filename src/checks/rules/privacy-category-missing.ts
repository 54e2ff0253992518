import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';

/** Every element must say whether and how it is personal data. */
export const privacyCategoryMissing: Check = {
  codes: ['rule/privacy-category-missing'],
  run(ctx) {
    return ctx.catalogue.dataElements.filter((e) => !e.privacy).map((e) => diagnostic('rule/privacy-category-missing', {}, ctx.locate(e, '/id')));
  },
};
