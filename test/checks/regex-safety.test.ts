import { describe, expect, it } from 'vitest';
import { findUnsafeRegex, type UnsafeRegexFinding } from '../../src/checks/regex-safety.js';

const nested = (index: number): UnsafeRegexFinding => ({ reason: 'nested-quantifier', index });
const overlapping = (index: number): UnsafeRegexFinding => ({ reason: 'overlapping-alternation', index });
const invalid: UnsafeRegexFinding = { reason: 'invalid', index: 0 };

// [pattern, expected finding, why the case matters]
const cases: [string, UnsafeRegexFinding | undefined, string][] = [
  // Nested unbounded quantifiers.
  ['(a+)+', nested(0), 'the textbook case'],
  ['(a*)*b', nested(0), 'body can match empty'],
  ['^(\\w+\\s?)+$', nested(1), 'optional separator does not delimit iterations'],
  ['((ab)*)+', nested(0), 'inner repetition of a group'],
  ['(a+){2,}', nested(0), 'braced unbounded outer quantifier'],
  ['(\\d+\\s?){1,}', nested(0), '{1,} is as unbounded as +'],
  ['(a+?)+?', nested(0), 'laziness does not help when the match fails'],
  ['(?<word>a+)+', nested(0), 'named group'],
  ['^([a-z]+[0-9]*)+$', nested(1), 'separator-free iterations re-partition'],
  ['^(?:-?[a-z]+)*$', nested(1), 'an optional separator is no separator'],
  ['(x+x+)+y', nested(0), 'overlapping inner repetitions'],
  ['(a|b+)*', nested(0), 'unbounded alternative with nothing around it'],
  ['(?:-[a-z]+|[a-z]+_)*', nested(0), 'separators on different sides let iterations meet'],
  ['(a+a+x)+', nested(0), 'each iteration is ambiguous even though x delimits them'],
  ['((a+)+)*', nested(0), 'outermost offender is reported first'],
  ['^(?:x(?:a+)+)$', nested(5), 'index points at the quantified group'],
  ['^(?=(a+)+b)', nested(4), 'lookaround bodies are analysed too'],
  ['([\\]a]+\\])*', nested(0), 'escaped ] inside the class overlaps the separator'],
  ['(b{2,}a?)+', nested(0), 'braced inner quantifier'],
  ['^(\\d\\d?)+$', nested(1), 'a bounded but variable-length body re-partitions too'],
  ['(\\w{1,3})+', nested(0), 'bounded inner repetition of variable length'],
  ['(?:a?a?)*', nested(0), 'two optional parts can trade a character'],
  ['(?:-a?a*)+', nested(0), 'per-iteration ambiguity behind a separator'],

  // Overlapping alternatives under an unbounded quantifier.
  ['(a|a)*', overlapping(0), 'identical alternatives'],
  ['(a|ab)*', overlapping(0), 'shared first character'],
  ['(\\d|[0-9])+', overlapping(0), 'class escape against class'],
  ['(.|\\s)*', overlapping(0), 'dot includes space'],
  ['^abc(d|d)+', overlapping(4), 'index is the group, not the pattern start'],
  ['(a)(b|\\1)*', overlapping(3), 'a backreference may start with anything'],
  ['(a|)*', overlapping(0), 'an empty alternative is treated as overlapping'],

  // Safe patterns.
  ['^[0-9]{4}$', undefined, 'fixed repetition of a class'],
  ['^[A-Za-z0-9-]{1,36}$', undefined, 'bounded class repetition'],
  ['^\\d{6}-\\d{4}$', undefined, 'personnummer-like shape'],
  ['^(19|20)\\d{2}$', undefined, 'alternation that is not repeated'],
  ['^[a-z]+(-[a-z]+)*$', undefined, 'leading separator disjoint from the inner repetition'],
  ['^([a-z0-9]+\\.)*[a-z0-9]+$', undefined, 'trailing separator'],
  ['^\\w+(\\s+\\w+)*$', undefined, 'an unbounded separator also delimits'],
  ['(\\.\\d+|e\\d+)*', undefined, 'every alternative starts with its own separator'],
  ['"(\\\\.|[^"\\\\])*"', undefined, 'string literal: alternatives start differently'],
  ['(.|\\n)*', undefined, 'dot excludes line feed'],
  ['(a+){1,3}', undefined, 'bounded outer quantifier'],
  ['(a+)?', undefined, 'optional outer group'],
  ['(?:b|\\1)*', undefined, 'without groups \\1 is the octal escape U+0001'],
  ['(ab{2,})+', undefined, 'a leads every iteration'],
  ['(a{,5}b)+', undefined, 'Annex B: {,5} is literal text, not a quantifier'],
  ['(\\u0061|\\x62)*', undefined, 'hex escapes decode to distinct characters'],
  ['([^\\]]+\\])*', undefined, 'escaped ] keeps the class open and the separator disjoint'],

  // Patterns the engine rejects.
  ['(a', invalid, 'unbalanced group'],
  ['a**', invalid, 'nothing to repeat'],
  ['[b-a]', invalid, 'range out of order'],
  ['(?<n>a)(?<n>b)', invalid, 'duplicate group name'],
];

describe('findUnsafeRegex', () => {
  it.each(cases)('%s', (pattern, expected) => {
    expect(findUnsafeRegex(pattern)).toEqual(expected);
  });

  it('accepts patterns that really stay fast on an adversarial input', () => {
    // Guards against the separator rule being too generous: what it lets
    // through must not backtrack catastrophically in the engine itself.
    const adversarial = 'a'.repeat(5000) + '!';
    for (const pattern of ['^[a-z]+(-[a-z]+)*$', '^\\w+(\\s+\\w+)*$', '^([a-z0-9]+\\.)*[a-z0-9]+$']) {
      expect(findUnsafeRegex(pattern)).toBeUndefined();
      const started = performance.now();
      new RegExp(pattern).test(adversarial);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  const supportsModifiers = (() => {
    try {
      new RegExp('(?i:a)');
      return true;
    } catch {
      return false;
    }
  })();

  // Pattern modifiers exist only in newer engines: invalid on Node 20, analysed conservatively later.
  it('treats case-insensitive groups as the running engine does', () => {
    expect(findUnsafeRegex('(?i:(a|A)*)')).toEqual(supportsModifiers ? overlapping(4) : invalid);
  });
});
