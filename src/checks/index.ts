import { diagnostic } from '../diagnostics/messages.js';
import type { Diagnostic, Result, Severity } from '../diagnostics/types.js';
import type { RawCatalogue, RawEntity } from '../loader/load.js';
import type { Catalogue } from '../model/types.js';
import { recommended, type CheckSetting } from './preset.js';
import { categoryOutsideOrdinance } from './rules/category-outside-ordinance.js';
import { definitionSvMissing } from './rules/definition-sv-missing.js';
import { deprecatedWithoutReplacement } from './rules/deprecated-without-replacement.js';
import { labelSvMissing } from './rules/label-sv-missing.js';
import { legalBasisMissing } from './rules/legal-basis-missing.js';
import { privacyCategoryMissing } from './rules/privacy-category-missing.js';
import { schemaComment } from './rules/schema-comment-missing.js';
import { sensitiveNotMarked } from './rules/sensitive-not-marked.js';
import { unsafePattern } from './rules/unsafe-pattern.js';
import { unusedClassification } from './rules/unused-classification.js';
import { unusedElement } from './rules/unused-element.js';
import { versionDiscipline } from './rules/version-discipline.js';
import type { Check, CheckContext } from './types.js';

/** Every catalogue check, in the order they run. */
export const CHECKS: readonly Check[] = [
  labelSvMissing,
  definitionSvMissing,
  deprecatedWithoutReplacement,
  unusedClassification,
  unusedElement,
  privacyCategoryMissing,
  legalBasisMissing,
  categoryOutsideOrdinance,
  sensitiveNotMarked,
  unsafePattern,
  schemaComment,
  versionDiscipline,
];

/**
 * Runs every check over a resolved catalogue. Severities come from the recommended preset,
 * overridden per code by `checks:` in catalogue.yaml; `off` drops a check's findings.
 */
export function runChecks(catalogue: Catalogue, raw: RawCatalogue): Result<void> {
  const byFile = new Map<string, RawEntity>();
  for (const e of [raw.manifest, ...raw.entities]) if (e) byFile.set(e.file, e);
  const ctx: CheckContext = {
    catalogue,
    raw,
    locate: (owner, pointer, target) => byFile.get(owner.location.file)?.locator.locate(pointer, target) ?? owner.location,
  };
  const known = new Set(CHECKS.flatMap((c) => c.codes));
  const overrides = catalogue.manifest.checks;
  const diagnostics: Diagnostic[] = [];
  for (const name of Object.keys(overrides)) {
    if (!known.has(name as never)) {
      diagnostics.push(diagnostic('rule/unknown-check', { check: name }, ctx.locate(catalogue.manifest, `/checks/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'key')));
    }
  }
  for (const check of CHECKS) {
    for (const d of check.run(ctx)) {
      const setting: CheckSetting | undefined = overrides[d.code] ?? recommended[d.code];
      if (setting === 'off') continue;
      diagnostics.push(setting ? { ...d, severity: setting as Severity } : d);
    }
  }
  return { value: undefined, diagnostics };
}
