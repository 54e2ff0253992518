import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';

/** A code on its way out must say what to report instead, or reporters are left guessing. */
export const deprecatedWithoutReplacement: Check = {
  codes: ['rule/deprecated-without-replacement'],
  run(ctx) {
    return ctx.catalogue.classifications.flatMap((c) =>
      c.codes
        .filter((code) => (code.status === 'deprecated' || code.status === 'retired') && code.replacedBy.length === 0)
        .map((code) => diagnostic('rule/deprecated-without-replacement', { code: code.code }, code.location)),
    );
  },
};
