import type { Classification, Code } from '../model/types.js';

/**
 * Code lineage. `replacedBy` on a code names the codes that take over its meaning: one code is a
 * one-to-one replacement, several a split; several old codes naming the same new code is a merge.
 * A merge is one-to-one in the rewrite direction (each old code has one successor), so a file can
 * be rewritten automatically; a split cannot, because only the case file says which part applies.
 */

/** How an old code relates to its successors. */
export type ReplacementKind = 'one-to-one' | 'merge' | 'split' | 'split-and-merge';

/** One `replacedBy` link. */
export interface Replacement {
  /** The old code. */
  readonly source: Code;
  /** One of the codes replacing it. */
  readonly target: Code;
  /**
   * `one-to-one`: the source has one successor, which replaces nothing else; `merge`: one successor
   * that also replaces other codes; `split`: several successors, each replacing only this source;
   * `split-and-merge`: several successors, some of which also replace other codes.
   */
  readonly kind: ReplacementKind;
}

function kindOf(fanOut: number, fanIn: number): ReplacementKind {
  if (fanOut <= 1) return fanIn <= 1 ? 'one-to-one' : 'merge';
  return fanIn <= 1 ? 'split' : 'split-and-merge';
}

/** Every `replacedBy` link of a classification, in declared code order. */
export function replacements(classification: Classification): Replacement[] {
  return classification.codes.flatMap((source) =>
    source.replacedBy.map((target) => ({ source, target, kind: kindOf(source.replacedBy.length, target.replaces.length) })),
  );
}

/** Where an old code leads when every replacement is followed to the end. */
export interface Successors {
  /** The codes that are not themselves replaced, in the order they are reached. Empty when the code is not replaced. */
  readonly codes: readonly Code[];
  /** `none` when the code is not replaced; otherwise how it maps (a merge somewhere on the way makes it `merge`). */
  readonly kind: 'none' | 'one-to-one' | 'merge' | 'split';
}

/**
 * Follows `replacedBy` transitively (A → B in one version, B → C in a later one gives A → C), so a
 * file can be brought across several versions at once. A cycle is cut where it closes.
 */
export function successors(code: Code): Successors {
  if (code.replacedBy.length === 0) return { codes: [], kind: 'none' };
  const seen = new Set<Code>([code]);
  const leaves: Code[] = [];
  let merged = false;
  const visit = (c: Code): void => {
    if (c.replaces.length > 1) merged = true;
    if (c.replacedBy.length === 0) {
      if (!leaves.includes(c)) leaves.push(c);
      return;
    }
    for (const next of c.replacedBy) {
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
    }
  };
  for (const next of code.replacedBy) {
    seen.add(next);
    visit(next);
  }
  if (leaves.length !== 1) return { codes: leaves, kind: 'split' };
  return { codes: leaves, kind: merged ? 'merge' : 'one-to-one' };
}
