import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, Result } from '../diagnostics/types.js';
import { docPath } from '../model/doc-paths.js';
import type { Catalogue } from '../model/types.js';
import { answerObligations } from './answer.js';
import type { ObligationsAnswer, ObligationsData, ObligationsQuery } from './data.js';
import { obligationsData } from './export.js';

/**
 * Resolves the obligations of a catalogue for a query (see `answerObligations` for the semantics):
 * the catalogue is turned into the same plain data the docs page uses and answered with the same
 * function, and query problems become diagnostics (`obligations/unknown-actor`, `-area`,
 * `-element`). Pass `data` when answering many queries against one catalogue.
 */
export function resolveObligations(catalogue: Catalogue, query: ObligationsQuery, data: ObligationsData = obligationsData(catalogue)): Result<ObligationsAnswer> {
  const answer = answerObligations(data, query);
  const diagnostics: Diagnostic[] = [];
  let problems = answer.problems;
  // An element the catalogue defines but no obligation asks for is a valid question with an empty
  // answer, not an unknown element: the data only holds elements that obligations use.
  if ('element' in query && catalogue.dataElements.some((e) => e.id === query.element)) {
    problems = problems.filter((p) => p.code !== 'obligations/unknown-element');
  }
  for (const p of problems) {
    switch (p.code) {
      case 'obligations/unknown-actor':
        diagnostics.push(diagnostic(p.code, { actor: p.actor, known: p.known }));
        break;
      case 'obligations/unknown-area':
        diagnostics.push(diagnostic(p.code, { area: p.area, known: p.known }));
        break;
      case 'obligations/unknown-element':
        diagnostics.push(diagnostic(p.code, { element: p.element }));
        break;
    }
  }
  if (problems.length === answer.problems.length) return { value: answer, diagnostics };
  // The element problem was dropped: name the element from the catalogue; the lists stay empty.
  const el = catalogue.dataElements.find((e) => 'element' in query && e.id === query.element)!;
  const label = el.label.en === undefined ? { sv: el.label.sv } : { sv: el.label.sv, en: el.label.en };
  return { value: { ...answer, query: { ...answer.query, element: { id: el.id, label, doc: docPath('data-element', el.id) } }, problems }, diagnostics };
}
