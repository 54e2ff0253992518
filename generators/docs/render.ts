// Handlebars for the docs site: one isolated environment per build, every template also usable as a
// partial (so a page can include `code-tree` or a user's template can include `layout` parts), and
// template mistakes reported as diagnostics rather than thrown, because templates are user input
// when `--templates DIR` is given.
import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../../src/index.js';

/** The templates the site needs; a `--templates DIR` file with another name is reported. */
export const TEMPLATE_NAMES = [
  'layout',
  'start',
  'list',
  'term',
  'classification',
  'classification-part',
  'code-tree',
  'code-info',
  'elements-table',
  'example',
  'data-element',
  'record-type',
  'rule',
  'obligation',
  'finding',
  'findings',
  'report',
  'privacy',
  'accessibility',
  'search',
  'changes',
  'changes-version',
  'source',
] as const;

/** A template name. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Renders named templates; collects diagnostics instead of throwing. */
export interface Renderer {
  /** Renders `name` with `view`; an empty string (and a diagnostic) when the template fails. */
  render(name: TemplateName, view: object): string;
  /** Diagnostics so far. */
  readonly diagnostics: Diagnostic[];
}

const message = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * Compiles the templates (file name `<name>.hbs`) into a fresh Handlebars environment. A missing
 * template is a diagnostic: the defaults ship with kodkatalog, so it means a broken installation
 * or a generator run without the runner.
 */
export function createRenderer(templates: ReadonlyMap<string, string>): Renderer {
  const hb = Handlebars.create();
  const diagnostics: Diagnostic[] = [];
  const known = new Set<string>(TEMPLATE_NAMES.map((n) => `${n}.hbs`));
  for (const file of [...templates.keys()].sort()) {
    if (!known.has(file)) diagnostics.push(diagnostic('gen/unknown-template', { template: file, known: [...known].join(', ') }));
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const name of TEMPLATE_NAMES) {
    const text = templates.get(`${name}.hbs`);
    if (text === undefined) {
      diagnostics.push(diagnostic('gen/template-error', { template: `${name}.hbs`, detail: 'mallen saknas.' }));
      continue;
    }
    try {
      // strict: a misspelt field in a template is an error, not silently empty output.
      const t = hb.compile(text, { strict: true, noEscape: false, preventIndent: true });
      compiled.set(name, t);
      hb.registerPartial(name, t);
    } catch (e) {
      diagnostics.push(diagnostic('gen/template-error', { template: `${name}.hbs`, detail: message(e) }));
    }
  }
  const failed = new Set<string>();
  return {
    diagnostics,
    render(name, view) {
      const t = compiled.get(name);
      if (!t) return '';
      try {
        return t(view);
      } catch (e) {
        // Report each template once: the same mistake repeats on every page that uses it.
        if (!failed.has(name)) {
          failed.add(name);
          diagnostics.push(diagnostic('gen/template-error', { template: `${name}.hbs`, detail: message(e) }));
        }
        return '';
      }
    },
  };
}
