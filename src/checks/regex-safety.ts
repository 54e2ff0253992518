/**
 * Static detection of ECMAScript regular expressions that are open to
 * catastrophic (exponential) backtracking.
 *
 * Patterns in the catalogue end up in generated validators that run on
 * untrusted input, so a pattern such as `(a+)+$` is a denial-of-service risk.
 * The analysis is deliberately approximate and errs towards reporting: a
 * false alarm costs an author a rewrite, a miss costs a production outage.
 *
 * Patterns are interpreted as the engine does without flags (Annex B syntax,
 * UTF-16 code units), because that is how the catalogue compiles them.
 */

/** Why a pattern was reported by {@link findUnsafeRegex}. */
export type UnsafeRegexReason = 'nested-quantifier' | 'overlapping-alternation' | 'invalid';

/** A finding from {@link findUnsafeRegex}. */
export interface UnsafeRegexFinding {
  reason: UnsafeRegexReason;
  /** 0-based offset in the pattern where the offending quantified construct starts. */
  index: number;
}

// ---------------------------------------------------------------------------
// Character sets
// ---------------------------------------------------------------------------

/** Sorted, non-overlapping, non-adjacent inclusive ranges of UTF-16 code units. */
type CharSet = readonly (readonly [number, number])[];

// Without the `u` flag the engine matches code units, never code points.
const MAX_CODE_UNIT = 0xffff;

function normalise(ranges: Iterable<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const result: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = result[result.length - 1];
    if (last !== undefined && lo <= last[1] + 1) {
      last[1] = Math.max(last[1], hi);
    } else {
      result.push([lo, hi]);
    }
  }
  return result;
}

function union(...sets: CharSet[]): CharSet {
  return normalise(sets.flat());
}

function complement(set: CharSet): CharSet {
  const result: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) result.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_UNIT) result.push([next, MAX_CODE_UNIT]);
  return result;
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i]!;
    const [bLo, bHi] = b[j]!;
    if (aHi < bLo) i++;
    else if (bHi < aLo) j++;
    else return true;
  }
  return false;
}

function single(code: number): CharSet {
  return [[code, code]];
}

const EMPTY: CharSet = [];
const ANY: CharSet = [[0, MAX_CODE_UNIT]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalise([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
// WhiteSpace and LineTerminator as ECMAScript defines them for \s.
const SPACE: CharSet = normalise([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS: CharSet = normalise([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);
const DOT: CharSet = complement(LINE_TERMINATORS);
const HYPHEN = 0x2d;

const CLASS_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

type Token =
  | { type: 'atom'; start: number; set: CharSet }
  | { type: 'assertion'; start: number }
  | { type: 'backreference'; start: number }
  | { type: 'open'; start: number; lookaround: boolean }
  | { type: 'close'; start: number }
  | { type: 'alternation'; start: number }
  | { type: 'quantifier'; start: number; min: number; max: number; lazy: boolean };

interface Modifiers {
  ignoreCase: boolean;
  dotAll: boolean;
}

const BRACED_QUANTIFIER = /\{(\d+)(?:(,)(\d*))?\}/y;
const GROUP_MODIFIERS = /\?([ims]*)(?:-([ims]*))?:/y;
const HEX2 = /[0-9A-Fa-f]{2}/y;
const HEX4 = /[0-9A-Fa-f]{4}/y;

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function isOctal(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '7';
}

function isDecimal(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z]$/.test(ch);
}

/**
 * Whether `\1` is a backreference or an octal escape, and whether `\k` is a
 * named reference or a plain `k`, depends on the groups in the whole pattern
 * (Annex B), so the groups are counted before tokenizing.
 */
function scanGroups(pattern: string): { captures: number; named: boolean } {
  let captures = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      if (pattern[i + 1] !== '?') {
        captures++;
      } else if (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
        captures++;
        named = true;
      }
    }
  }
  return { captures, named };
}

class Tokenizer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly modifierStack: Modifiers[] = [{ ignoreCase: false, dotAll: false }];
  private readonly captures: number;
  private readonly named: boolean;

  constructor(private readonly pattern: string) {
    ({ captures: this.captures, named: this.named } = scanGroups(pattern));
  }

  tokenize(): Token[] {
    const p = this.pattern;
    while (this.pos < p.length) {
      const start = this.pos;
      const ch = p[start]!;
      switch (ch) {
        case '^':
        case '$':
          this.pos++;
          this.tokens.push({ type: 'assertion', start });
          break;
        case '|':
          this.pos++;
          this.tokens.push({ type: 'alternation', start });
          break;
        case '(':
          this.readGroupOpening();
          break;
        case ')':
          this.pos++;
          if (this.modifierStack.length > 1) this.modifierStack.pop();
          this.tokens.push({ type: 'close', start });
          break;
        case '[':
          this.pushAtom(start, this.readClass());
          break;
        case '.':
          this.pos++;
          this.pushAtom(start, this.modifiers().dotAll ? ANY : DOT);
          break;
        case '\\':
          this.readEscape();
          break;
        case '*':
        case '+':
        case '?':
          this.pos++;
          this.pushQuantifier(start, ch === '+' ? 1 : 0, ch === '?' ? 1 : Infinity);
          break;
        case '{': {
          const m = matchAt(BRACED_QUANTIFIER, p, start);
          if (m) {
            this.pos = start + m[0].length;
            const min = Number(m[1]);
            const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
            this.pushQuantifier(start, min, max);
          } else {
            // Annex B: a brace that does not form a quantifier is a literal.
            this.pos++;
            this.pushAtom(start, single(ch.charCodeAt(0)));
          }
          break;
        }
        default:
          this.pos++;
          this.pushAtom(start, single(ch.charCodeAt(0)));
      }
    }
    return this.tokens;
  }

  private modifiers(): Modifiers {
    return this.modifierStack[this.modifierStack.length - 1]!;
  }

  private pushAtom(start: number, set: CharSet): void {
    // Case folding is not modelled; inside an `(?i:...)` group any character
    // may match, which can only make the analysis report more, not less.
    this.tokens.push({ type: 'atom', start, set: this.modifiers().ignoreCase ? ANY : set });
  }

  private pushQuantifier(start: number, min: number, max: number): void {
    const lazy = this.pattern[this.pos] === '?';
    if (lazy) this.pos++;
    this.tokens.push({ type: 'quantifier', start, min, max, lazy });
  }

  private readGroupOpening(): void {
    const p = this.pattern;
    const start = this.pos;
    const inherited = this.modifiers();
    let lookaround = false;
    let modifiers = inherited;
    if (p[start + 1] !== '?') {
      this.pos = start + 1;
    } else if (p.startsWith('?:', start + 1)) {
      this.pos = start + 3;
    } else if (p.startsWith('?=', start + 1) || p.startsWith('?!', start + 1)) {
      this.pos = start + 3;
      lookaround = true;
    } else if (p.startsWith('?<=', start + 1) || p.startsWith('?<!', start + 1)) {
      this.pos = start + 4;
      lookaround = true;
    } else if (p[start + 2] === '<') {
      const end = p.indexOf('>', start + 3);
      this.pos = end + 1;
    } else {
      // Pattern modifiers such as `(?i:...)` or `(?-s:...)`, on engines that have them.
      const m = matchAt(GROUP_MODIFIERS, p, start + 1);
      const added = m?.[1] ?? '';
      const removed = m?.[2] ?? '';
      modifiers = {
        ignoreCase: added.includes('i') || (inherited.ignoreCase && !removed.includes('i')),
        dotAll: added.includes('s') || (inherited.dotAll && !removed.includes('s')),
      };
      this.pos = start + 1 + (m?.[0].length ?? 1);
    }
    this.modifierStack.push(modifiers);
    this.tokens.push({ type: 'open', start, lookaround });
  }

  private readEscape(): void {
    const p = this.pattern;
    const start = this.pos;
    const next = p[start + 1];
    if (next === undefined) {
      this.pos++;
      this.pushAtom(start, single(0x5c));
      return;
    }
    if (next === 'b' || next === 'B') {
      this.pos += 2;
      this.tokens.push({ type: 'assertion', start });
      return;
    }
    if (next >= '1' && next <= '9') {
      let end = start + 1;
      while (isDecimal(p[end])) end++;
      if (Number(p.slice(start + 1, end)) <= this.captures) {
        this.pos = end;
        this.tokens.push({ type: 'backreference', start });
        return;
      }
    }
    if (next === 'k' && this.named && p[start + 2] === '<') {
      const end = p.indexOf('>', start + 3);
      this.pos = end + 1;
      this.tokens.push({ type: 'backreference', start });
      return;
    }
    const escaped = this.readCharacterEscape(false);
    this.pushAtom(start, escaped.set);
  }

  /**
   * Reads an escape that denotes characters (not an assertion or a
   * backreference), starting at the backslash. `single` is set when the
   * escape stands for exactly one code unit, which class ranges need.
   */
  private readCharacterEscape(inClass: boolean): { set: CharSet; single?: number } {
    const p = this.pattern;
    const start = this.pos;
    const next = p[start + 1]!;
    const classEscape = CLASS_ESCAPES[next];
    if (classEscape !== undefined) {
      this.pos += 2;
      return { set: classEscape };
    }
    const control = CONTROL_ESCAPES[next];
    if (control !== undefined) return this.code(start + 2, control);
    if (inClass && next === 'b') return this.code(start + 2, 0x08);
    if (next === 'c') {
      const letter = p[start + 2];
      const allowed = isAsciiLetter(letter) || (inClass && (isDecimal(letter) || letter === '_'));
      if (allowed) return this.code(start + 3, letter!.charCodeAt(0) % 32);
      // Annex B: a `\c` without a control letter is a literal backslash, and the
      // `c` is read again as an ordinary character.
      return this.code(start + 1, 0x5c);
    }
    if (next === 'x') {
      const m = matchAt(HEX2, p, start + 2);
      return m ? this.code(start + 4, parseInt(m[0], 16)) : this.code(start + 2, 0x78);
    }
    if (next === 'u') {
      const m = matchAt(HEX4, p, start + 2);
      return m ? this.code(start + 6, parseInt(m[0], 16)) : this.code(start + 2, 0x75);
    }
    if (isOctal(next)) {
      // Annex B legacy octal escape: at most three digits and at most 0o377.
      let end = start + 2;
      const maxDigits = next <= '3' ? 3 : 2;
      while (end - (start + 1) < maxDigits && isOctal(p[end])) end++;
      return this.code(end, parseInt(p.slice(start + 1, end), 8));
    }
    // Identity escape, including `\8`, `\9`, `\-` and a `\k` without named groups.
    return this.code(start + 2, next.charCodeAt(0));
  }

  private code(end: number, value: number): { set: CharSet; single: number } {
    this.pos = end;
    return { set: single(value), single: value };
  }

  private readClass(): CharSet {
    const p = this.pattern;
    this.pos++;
    const negated = p[this.pos] === '^';
    if (negated) this.pos++;
    const parts: CharSet[] = [];
    while (this.pos < p.length && p[this.pos] !== ']') {
      const from = this.readClassAtom();
      if (p[this.pos] === '-' && p[this.pos + 1] !== ']' && this.pos + 1 < p.length) {
        this.pos++;
        const to = this.readClassAtom();
        if (from.single !== undefined && to.single !== undefined) {
          parts.push([[from.single, to.single]]);
        } else {
          // Annex B: a range with a class escape at either end is a union with `-`.
          parts.push(from.set, single(HYPHEN), to.set);
        }
      } else {
        parts.push(from.set);
      }
    }
    this.pos++;
    const set = union(...parts);
    return negated ? complement(set) : set;
  }

  private readClassAtom(): { set: CharSet; single?: number } {
    const ch = this.pattern[this.pos]!;
    if (ch === '\\' && this.pos + 1 < this.pattern.length) return this.readCharacterEscape(true);
    this.pos++;
    const value = ch.charCodeAt(0);
    return { set: single(value), single: value };
  }
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

type Node =
  | { kind: 'set'; start: number; set: CharSet }
  | { kind: 'assertion'; start: number }
  | { kind: 'backreference'; start: number }
  | { kind: 'group'; start: number; lookaround: boolean; body: Node }
  | { kind: 'alternation'; start: number; alternatives: Node[] }
  | { kind: 'sequence'; start: number; items: Node[] }
  | RepeatNode;

interface RepeatNode {
  kind: 'repeat';
  start: number;
  min: number;
  max: number;
  lazy: boolean;
  body: Node;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly patternLength: number,
  ) {}

  parse(): Node {
    // Only patterns the engine accepted get here, so parentheses balance and
    // the disjunction consumes every token.
    return this.parseDisjunction();
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private position(): number {
    return this.peek()?.start ?? this.patternLength;
  }

  private parseDisjunction(): Node {
    const start = this.position();
    const alternatives = [this.parseAlternative()];
    while (this.peek()?.type === 'alternation') {
      this.index++;
      alternatives.push(this.parseAlternative());
    }
    return alternatives.length === 1 ? alternatives[0]! : { kind: 'alternation', start, alternatives };
  }

  private parseAlternative(): Node {
    const start = this.position();
    const items: Node[] = [];
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.type === 'alternation' || token.type === 'close') break;
      items.push(this.parseTerm());
    }
    return { kind: 'sequence', start, items };
  }

  private parseTerm(): Node {
    let node = this.parseAtom();
    for (let token = this.peek(); token?.type === 'quantifier'; token = this.peek()) {
      this.index++;
      node = { kind: 'repeat', start: node.start, min: token.min, max: token.max, lazy: token.lazy, body: node };
    }
    return node;
  }

  private parseAtom(): Node {
    const token = this.tokens[this.index++]!;
    switch (token.type) {
      case 'atom':
        return { kind: 'set', start: token.start, set: token.set };
      case 'assertion':
        return { kind: 'assertion', start: token.start };
      case 'backreference':
        return { kind: 'backreference', start: token.start };
      case 'open': {
        const body = this.parseDisjunction();
        this.index++; // the closing parenthesis
        return { kind: 'group', start: token.start, lookaround: token.lookaround, body };
      }
      default:
        // Only reachable for syntax the engine rejected; treat it as opaque.
        return { kind: 'backreference', start: token.start };
    }
  }
}

// ---------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------

function isNullable(node: Node): boolean {
  switch (node.kind) {
    case 'set':
      return false;
    case 'assertion':
    case 'backreference':
      return true;
    case 'group':
      return node.lookaround || isNullable(node.body);
    case 'alternation':
      return node.alternatives.some(isNullable);
    case 'sequence':
      return node.items.every(isNullable);
    case 'repeat':
      return node.min === 0 || isNullable(node.body);
  }
}

function isZeroWidth(node: Node): boolean {
  switch (node.kind) {
    case 'assertion':
      return true;
    case 'group':
      return node.lookaround;
    case 'repeat':
      return isZeroWidth(node.body);
    default:
      return false;
  }
}

/** Characters that can start a match of `node`; lookarounds only narrow, so they add nothing. */
function firstChars(node: Node): CharSet {
  switch (node.kind) {
    case 'set':
      return node.set;
    case 'assertion':
      return EMPTY;
    case 'backreference':
      return ANY;
    case 'group':
      return node.lookaround ? EMPTY : firstChars(node.body);
    case 'alternation':
      return union(...node.alternatives.map(firstChars));
    case 'sequence': {
      const parts: CharSet[] = [];
      for (const item of node.items) {
        parts.push(firstChars(item));
        if (!isNullable(item)) break;
      }
      return union(...parts);
    }
    case 'repeat':
      return node.max === 0 ? EMPTY : firstChars(node.body);
  }
}

/** Every character `node` can consume anywhere in its match. */
function consumedChars(node: Node): CharSet {
  switch (node.kind) {
    case 'set':
      return node.set;
    case 'assertion':
      return EMPTY;
    case 'backreference':
      return ANY;
    case 'group':
      return node.lookaround ? EMPTY : consumedChars(node.body);
    case 'alternation':
      return union(...node.alternatives.map(consumedChars));
    case 'sequence':
      return union(...node.items.map(consumedChars));
    case 'repeat':
      return node.max === 0 ? EMPTY : consumedChars(node.body);
  }
}

/**
 * Repetitions of variable length in `node`, itself included. Unbounded ones
 * are the classic culprits, but `(\d{1,3})+` re-partitions its input just
 * like `(\d+)+`. Lookarounds are skipped: the engine never backtracks into a
 * lookaround that has succeeded, so they cannot multiply the ways an
 * enclosing repetition matches.
 */
function variableRepeats(node: Node, found: RepeatNode[] = []): RepeatNode[] {
  switch (node.kind) {
    case 'group':
      if (!node.lookaround) variableRepeats(node.body, found);
      break;
    case 'alternation':
      for (const alternative of node.alternatives) variableRepeats(alternative, found);
      break;
    case 'sequence':
      for (const item of node.items) variableRepeats(item, found);
      break;
    case 'repeat':
      if (node.max > node.min) found.push(node);
      variableRepeats(node.body, found);
      break;
    default:
      break;
  }
  return found;
}

/** The set matched by `node` when it consumes exactly one character per repetition, else undefined. */
function singleCharSet(node: Node): CharSet | undefined {
  switch (node.kind) {
    case 'set':
      return node.set;
    case 'group':
      return node.lookaround ? undefined : singleCharSet(node.body);
    case 'sequence':
      return node.items.length === 1 ? singleCharSet(node.items[0]!) : undefined;
    case 'alternation': {
      const sets = node.alternatives.map(singleCharSet);
      return sets.every((set) => set !== undefined) ? union(...(sets as CharSet[])) : undefined;
    }
    case 'repeat':
      return node.max === 0 ? undefined : singleCharSet(node.body);
    default:
      return undefined;
  }
}

/** Strips the wrapping that does not change what a repeated body matches: plain groups and one-item sequences. */
function unwrap(node: Node): Node {
  for (;;) {
    if (node.kind === 'group' && !node.lookaround) node = node.body;
    else if (node.kind === 'sequence' && node.items.length === 1) node = node.items[0]!;
    else return node;
  }
}

function alternativesOf(body: Node): Node[] {
  const inner = unwrap(body);
  return inner.kind === 'alternation' ? inner.alternatives : [inner];
}

/**
 * Whether every iteration of a repeated body begins (`first`) or ends (`last`)
 * with a mandatory separator whose characters no other variable part of the
 * body can consume. Such a separator pins down where one iteration stops and
 * the next starts, so the iterations cannot be re-partitioned: `(-[a-z]+)*`,
 * `(\d+\.)*`, `(\s+\w+)*`.
 *
 * A separator of variable length (`\s+` above) only pins the boundary
 * when the rest of the iteration is not empty and cannot consume its
 * characters; otherwise adjacent iterations would simply merge, as in `(a+)+`.
 */
function hasSeparator(alternatives: Node[], side: 'first' | 'last'): boolean {
  let separator: CharSet = EMPTY;
  const edges = new Set<RepeatNode>();
  const variableEdges: Node[][] = [];
  for (const alternative of alternatives) {
    const items = (alternative.kind === 'sequence' ? alternative.items : [alternative]).filter(
      (item) => !isZeroWidth(item),
    );
    const edge = side === 'first' ? items[0] : items[items.length - 1];
    if (edge === undefined || isNullable(edge)) return false;
    const set = singleCharSet(edge);
    if (set === undefined) return false;
    separator = union(separator, set);
    const edgeRepeats = variableRepeats(edge);
    for (const repeat of edgeRepeats) edges.add(repeat);
    if (edgeRepeats.length > 0) variableEdges.push(items.filter((item) => item !== edge));
  }
  for (const rest of variableEdges) {
    if (rest.every(isNullable)) return false;
    if (rest.some((item) => intersects(consumedChars(item), separator))) return false;
  }
  for (const alternative of alternatives) {
    for (const repeat of variableRepeats(alternative)) {
      if (!edges.has(repeat) && intersects(consumedChars(repeat.body), separator)) return false;
    }
  }
  return true;
}

/**
 * Whether two neighbouring parts of a sequence inside `node` can trade
 * characters in more than one way, as `a+a+`, `a+b?a?` or `a?a?` can.
 * Separators keep iterations apart, but if each iteration can still be
 * matched in several ways, the choices multiply across iterations: `(a+a+x)+`
 * is exponential although every iteration ends with `x`, and so is `(a?a?)*`
 * although nothing in it is unbounded.
 */
function hasAmbiguousNeighbours(node: Node): boolean {
  switch (node.kind) {
    case 'group':
      return !node.lookaround && hasAmbiguousNeighbours(node.body);
    case 'repeat':
      return hasAmbiguousNeighbours(node.body);
    case 'alternation':
      return node.alternatives.some(hasAmbiguousNeighbours);
    case 'sequence':
      break;
    default:
      return false;
  }
  const items = node.items;
  // A part whose length can vary; two such parts side by side can shift the
  // boundary between them. A mandatory fixed-length part like the `a` in
  // `a+a` cannot: the repetition before it has to give back exactly one.
  const flexible = items.map((item) => isNullable(item) || variableRepeats(item).length > 0);
  for (let i = 0; i < items.length; i++) {
    if (hasAmbiguousNeighbours(items[i]!)) return true;
    if (!flexible[i]) continue;
    // Only parts separated by nothing but optional parts can meet.
    for (let j = i + 1; j < items.length; j++) {
      if (flexible[j] && intersects(consumedChars(items[i]!), consumedChars(items[j]!))) return true;
      if (!isNullable(items[j]!)) break;
    }
  }
  return false;
}

function checkNestedQuantifier(repeat: RepeatNode): boolean {
  if (hasAmbiguousNeighbours(repeat.body)) return true;
  if (variableRepeats(repeat.body).length === 0) return false;
  if (isNullable(repeat.body)) return true;
  const alternatives = alternativesOf(repeat.body);
  return !hasSeparator(alternatives, 'first') && !hasSeparator(alternatives, 'last');
}

function checkOverlappingAlternation(repeat: RepeatNode): boolean {
  const body = unwrap(repeat.body);
  if (body.kind !== 'alternation') return false;
  // An alternative that can match nothing starts with whatever follows the
  // group; rather than work that out, assume it can start with anything.
  const starts = body.alternatives.map((alternative) => (isNullable(alternative) ? ANY : firstChars(alternative)));
  for (let i = 0; i < starts.length; i++) {
    for (let j = i + 1; j < starts.length; j++) {
      if (intersects(starts[i]!, starts[j]!)) return true;
    }
  }
  return false;
}

/** Pre-order, so an outer construct is reported before the ones inside it and findings come left to right. */
function findInNode(node: Node): UnsafeRegexFinding | undefined {
  if (node.kind === 'repeat' && node.max === Infinity) {
    if (checkNestedQuantifier(node)) return { reason: 'nested-quantifier', index: node.start };
    if (checkOverlappingAlternation(node)) return { reason: 'overlapping-alternation', index: node.start };
  }
  switch (node.kind) {
    case 'group':
    case 'repeat':
      return findInNode(node.body);
    case 'alternation':
      return firstFinding(node.alternatives);
    case 'sequence':
      return firstFinding(node.items);
    default:
      return undefined;
  }
}

function firstFinding(nodes: Node[]): UnsafeRegexFinding | undefined {
  for (const child of nodes) {
    const finding = findInNode(child);
    if (finding) return finding;
  }
  return undefined;
}

/**
 * Statically checks an ECMAScript regular expression (compiled without flags)
 * for constructs that can make a backtracking engine take exponential time.
 *
 * Reported are unbounded repetitions of a body that itself contains a
 * repetition of variable length (`(a+)+`, `(\w+\s?)+$`, `(\d\d?)+`) or
 * can match one string in several ways (`(a?a?)*`), unless every iteration is
 * delimited by a mandatory separator the inner repetitions cannot consume
 * (`[a-z]+(-[a-z]+)*` is accepted), and unbounded repetitions of an
 * alternation whose alternatives can start with the same character
 * (`(a|ab)*`, `(.|\s)*`). The analysis approximates and leans towards
 * reporting when unsure.
 *
 * @param pattern The pattern source, without delimiters or flags.
 * @returns The first finding, scanning outer constructs before inner ones and
 *   left to right, or `undefined` when the pattern looks safe. A pattern the
 *   engine rejects is reported as `invalid` at index 0, since the engine's
 *   error does not say where the problem is.
 */
export function findUnsafeRegex(pattern: string): UnsafeRegexFinding | undefined {
  try {
    new RegExp(pattern);
  } catch {
    return { reason: 'invalid', index: 0 };
  }
  const tokens = new Tokenizer(pattern).tokenize();
  const ast = new Parser(tokens, pattern.length).parse();
  return findInNode(ast);
}
