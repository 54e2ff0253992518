/** A check's severity in a preset or in catalogue.yaml. */
export type CheckSetting = 'off' | 'info' | 'warning' | 'error';

/**
 * The recommended preset: the severity of each catalogue check unless catalogue.yaml says otherwise.
 * Privacy and safety problems are errors because they decide what may be collected or run;
 * housekeeping is a warning so drafts can be checked while they grow.
 */
export const recommended: Readonly<Record<string, CheckSetting>> = {
  'rule/label-sv-missing': 'error',
  'rule/definition-sv-missing': 'error',
  'rule/deprecated-without-replacement': 'warning',
  'rule/unused-classification': 'warning',
  'rule/unused-element': 'warning',
  'rule/privacy-category-missing': 'error',
  'rule/legal-basis-missing': 'error',
  'rule/category-outside-ordinance': 'error',
  'rule/sensitive-not-marked': 'error',
  'rule/unsafe-pattern': 'error',
  'rule/invalid-pattern': 'error',
  'rule/schema-comment-missing': 'warning',
  // Version discipline (src/versions/discipline.ts): a release that breaks what it promises is an error.
  'version/bump-too-small': 'error',
  'version/older-than-previous': 'error',
  'version/edited-in-place': 'error',
  'version/published-changed': 'error',
  'version/not-tagged': 'info',
  'version/previous-unreadable': 'error',
};
