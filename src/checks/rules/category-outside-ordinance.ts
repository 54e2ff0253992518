import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';
import type { PrivacyCategory } from '../../model/types.js';

/**
 * The categories of personal data the proposed ordinance (Ds 2024:13) lets the register hold,
 * plus representatives and relatives, which the proposed law allows where necessary. Goals and
 * results are explicitly left out by the inquiry.
 */
const ALLOWED: ReadonlySet<PrivacyCategory> = new Set([
  'identity',
  'investigation-decision',
  'intervention-activity',
  'actualisation-cause-ending',
  'administrative',
  'representative-relative',
  'none',
]);

/** An element in a category the ordinance does not allow may not be collected at all. */
export const categoryOutsideOrdinance: Check = {
  codes: ['rule/category-outside-ordinance'],
  run(ctx) {
    return ctx.catalogue.dataElements
      .filter((e) => e.privacy && !ALLOWED.has(e.privacy.category))
      .map((e) => diagnostic('rule/category-outside-ordinance', { category: e.privacy!.category }, ctx.locate(e, '/privacy/category')));
  },
};
