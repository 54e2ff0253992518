/**
 * The validation engine: pure TypeScript with no imports outside this folder and no Node APIs, so
 * the same code runs in the CLI, in a browser and in the generated standalone validators.
 *
 * ```js
 * const engine = createEngine(model);
 * engine.checkRecord('insats', { 'insats-id': 'a1', ... }, { row: 2, period: '2027-03', obligation: 'kommun-lss' });
 * const submission = engine.createSubmission('kommun-lss', { period: '2027' });
 * for (const [row, r] of rows.entries()) submission.push(r.recordType, r, row + 1);
 * submission.finish();
 * ```
 */
import { Engine } from './engine.js';
import { SubmissionState, type SubmissionOptions } from './submission.js';

export { Engine, createEngine, safeName, type EngineOptions, type Finding, type RecordContext } from './engine.js';
export { SubmissionState, type SubmissionOptions } from './submission.js';
export { parseIsoDate, parsePeriod, isLeapYear, isRealDate, daysInMonth, type ReportingPeriod } from './dates.js';
export {
  checkPersonalIdentityNumber,
  isValidPersonalIdentityNumber,
  checkOrganisationNumber,
  isValidOrganisationNumber,
  luhnValid,
  luhnCheckDigit,
  maskIdentityNumber,
  type IdentityNumberKind,
  type IdentityNumberProblem,
  type OrganisationNumberProblem,
} from './identity.js';
export { ENGINE_SEVERITY, type EngineCode, type FindingMessage } from './messages.js';
export { MODEL_VERSION } from './model.js';
export type * from './model.js';

/**
 * Starts a submission under an obligation (or, with `undefined`, for records of any record type):
 * the same as `new SubmissionState(engine, obligationId, options)`.
 */
export function createSubmission(engine: Engine, obligationId: string | undefined, options?: SubmissionOptions): SubmissionState {
  return new SubmissionState(engine, obligationId, options);
}
