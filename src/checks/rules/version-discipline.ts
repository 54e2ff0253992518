import type { Check } from '../types.js';

/**
 * Registers the version-discipline codes with the checks, so `checks:` in catalogue.yaml may set
 * their severity (e.g. `version/edited-in-place: warning` for a release that fixes a typo in a
 * code's label) and is not told they are unknown. The rules themselves need the previous release,
 * a second catalogue read from git or disk, so they run in src/versions/discipline.ts, which
 * `kodkatalog check` calls after the checks; this check reports nothing on its own.
 */
export const versionDiscipline: Check = {
  codes: [
    'version/bump-too-small',
    'version/older-than-previous',
    'version/edited-in-place',
    'version/published-changed',
    'version/not-tagged',
    'version/previous-unreadable',
  ],
  run() {
    return [];
  },
};
