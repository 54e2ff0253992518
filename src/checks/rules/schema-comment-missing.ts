import { relative, dirname, join } from 'node:path';
import { diagnostic } from '../../diagnostics/messages.js';
import type { Check } from '../types.js';

/** The first line wires the file to its format schema so an editor completes and underlines. */
export const schemaComment: Check = {
  codes: ['rule/schema-comment-missing'],
  run(ctx) {
    const files = [ctx.raw.manifest, ...ctx.raw.entities].filter((x) => x !== undefined);
    return files
      .filter((f) => !/^# yaml-language-server: \$schema=\S+/.test(f.document.text))
      .map((f) => {
        // Suggest the path that works for this repository's layout (schema/ beside catalogue/).
        const schema = relative(dirname(f.file), join(ctx.raw.dir, '..', 'schema', `${f.kind}.schema.json`)).split('\\').join('/');
        return diagnostic('rule/schema-comment-missing', { schema }, { file: f.file, pointer: '', start: { line: 1, column: 1 }, end: { line: 1, column: 2 } });
      });
  },
};
