import { LEVEL_RANK, type DiffLevel, type SemverLevel } from '../diff/types.js';

/** A parsed MAJOR.MINOR.PATCH version (the manifest schema allows nothing else). */
export interface Version {
  /** Incremented for changes that break existing files or systems. */
  readonly major: number;
  /** Incremented for additions and relaxations. */
  readonly minor: number;
  /** Incremented for text-only changes. */
  readonly patch: number;
}

/** Parses `1.2.3`; undefined for anything else. */
export function parseVersion(v: string): Version | undefined {
  const m = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined;
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** The bump from `previous` to `next`: `none` when equal, undefined when `next` is older. */
export function bumpOf(previous: Version, next: Version): DiffLevel | undefined {
  if (next.major !== previous.major) return next.major > previous.major ? 'major' : undefined;
  if (next.minor !== previous.minor) return next.minor > previous.minor ? 'minor' : undefined;
  if (next.patch !== previous.patch) return next.patch > previous.patch ? 'patch' : undefined;
  return 'none';
}

/** The smallest version after `previous` with the given bump, e.g. 0.3.1 + minor = 0.4.0. */
export function nextVersion(previous: Version, level: SemverLevel): string {
  if (level === 'major') return `${previous.major + 1}.0.0`;
  if (level === 'minor') return `${previous.major}.${previous.minor + 1}.0`;
  return `${previous.major}.${previous.minor}.${previous.patch + 1}`;
}

/** True when the declared bump is at least the required one. */
export function bumpSuffices(declared: DiffLevel, required: DiffLevel): boolean {
  return LEVEL_RANK[declared] >= LEVEL_RANK[required];
}

/** The string form. */
export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}
