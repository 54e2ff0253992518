import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';
import { allEntities } from './util.js';

/** Swedish is the catalogue's language: every entity and every code needs label.sv. */
export const labelSvMissing: Check = {
  codes: ['rule/label-sv-missing'],
  run(ctx) {
    const out = [];
    for (const e of allEntities(ctx.catalogue)) {
      if (!e.label.sv) out.push(diagnostic('rule/label-sv-missing', {}, ctx.locate(e, '/label', 'key')));
    }
    for (const c of ctx.catalogue.classifications) {
      for (const code of c.codes) {
        if (!code.label.sv) out.push(diagnostic('rule/label-sv-missing', {}, ctx.locate(code, code.location.pointer.replace(/code$/, 'label'), 'key')));
      }
    }
    return out;
  },
};
