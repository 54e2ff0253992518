import { diagnostic } from '../../diagnostics/messages.js';
import { findUnsafeRegex } from '../regex-safety.js';
import type { Check } from '../types.js';

/** A pattern runs on every submitted value: it must compile and must not backtrack exponentially. */
export const unsafePattern: Check = {
  codes: ['rule/unsafe-pattern', 'rule/invalid-pattern'],
  run(ctx) {
    return ctx.catalogue.dataElements.flatMap((e) => {
      const pattern = e.constraints.pattern;
      if (pattern === undefined) return [];
      const where = ctx.locate(e, '/constraints/pattern');
      const problem = findUnsafeRegex(pattern);
      if (!problem) return [];
      if (problem.reason === 'invalid') return [diagnostic('rule/invalid-pattern', {}, where)];
      return [diagnostic('rule/unsafe-pattern', { reason: problem.reason }, where)];
    });
  },
};
