import { textOf, type Units } from './units.js';

/**
 * An element's pattern, matched against the whole value. Most patterns in a catalogue are runs of
 * ASCII character classes and literals with counts (`^[0-9]{4}-[0-9]{2}-01$`,
 * `^[A-Za-z0-9-]{1,36}$`); those are matched on the units directly, each run taking as many units
 * as it can. That greedy walk finds a match exactly when the regular expression does, because two
 * neighbouring runs share no character and each takes at least one: where one run stops is forced.
 * Any other pattern is matched by a RegExp (JSON Schema's dialect: the u flag) on the value's text.
 */
export class Pattern {
  /** Per run: 128 bits of the ASCII characters it takes, at index 4 * run. */
  private readonly sets: Uint32Array;
  private readonly min: Int32Array;
  private readonly max: Int32Array;
  private readonly regexp: RegExp | undefined;

  constructor(source: string) {
    const runs = runsOf(source);
    this.sets = new Uint32Array(4 * (runs?.length ?? 0));
    this.min = new Int32Array(runs?.length ?? 0);
    this.max = new Int32Array(runs?.length ?? 0);
    runs?.forEach((r, k) => {
      this.sets.set(r.set, 4 * k);
      this.min[k] = r.min;
      this.max[k] = r.max;
    });
    this.regexp = runs ? undefined : new RegExp(`^(?:${source})$`, 'u');
  }

  /** True when the units [from, to) match the whole pattern. */
  test(u: Units, from: number, to: number): boolean {
    if (this.regexp) return this.regexp.test(textOf(u, from, to));
    const { sets, min, max } = this;
    let i = from;
    for (let k = 0; k < min.length; k++) {
      const limit = Math.min(to, i + max[k]!);
      const start = i;
      for (; i < limit; i++) {
        const c = u[i]!;
        if (c >= 128 || (sets[4 * k + (c >>> 5)]! & (1 << (c & 31))) === 0) break;
      }
      if (i - start < min[k]!) return false;
    }
    return i === to;
  }
}

interface Run {
  readonly set: Uint32Array;
  readonly min: number;
  readonly max: number;
}

const SPECIAL = '\\^$.|?*+()[]{}';

/**
 * The pattern as runs, or undefined when it is not of the simple form: optional anchors at both
 * ends, then literals and classes of printable ASCII (no escapes, no negation), each with an
 * optional count {m}, {m,n} or + (at least one), no two neighbours sharing a character.
 */
function runsOf(source: string): Run[] | undefined {
  let p = source.startsWith('^') ? 1 : 0;
  const end = source.endsWith('$') && !source.endsWith('\\$') ? source.length - 1 : source.length;
  const runs: Run[] = [];
  const printable = (c: number): boolean => c >= 32 && c < 127;
  while (p < end) {
    const set = new Uint32Array(4);
    const add = (c: number): void => void (set[c >>> 5]! |= 1 << (c & 31));
    const ch = source.charCodeAt(p);
    if (source[p] === '[') {
      const close = source.indexOf(']', p + 1);
      if (close < 0 || source[p + 1] === '^' || close === p + 1) return undefined;
      for (let i = p + 1; i < close; i++) {
        const c = source.charCodeAt(i);
        if (!printable(c) || c === 92 /* \ */ || c === 91 /* [ */) return undefined;
        if (source[i + 1] === '-' && i + 2 < close) {
          const d = source.charCodeAt(i + 2);
          if (!printable(d) || d === 92 || d < c) return undefined;
          for (let x = c; x <= d; x++) add(x);
          i += 2;
        } else add(c);
      }
      p = close + 1;
    } else {
      if (!printable(ch) || SPECIAL.includes(source[p]!)) return undefined;
      add(ch);
      p++;
    }
    let min = 1;
    let max = 1;
    if (source[p] === '+') {
      max = 0x7fffffff;
      p++;
    } else if (source[p] === '{') {
      const m = /^\{([0-9]{1,4})(,([0-9]{1,4})?)?\}/.exec(source.slice(p));
      if (!m) return undefined;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === undefined ? 0x7fffffff : Number(m[3]);
      p += m[0].length;
    } else if (p < end && '?*'.includes(source[p]!)) return undefined;
    if (min < 1 || max < min) return undefined;
    const last = runs[runs.length - 1];
    if (last && last.set.some((w, k) => (w & set[k]!) !== 0)) return undefined;
    runs.push({ set, min, max });
  }
  return runs.length > 0 && p === end ? runs : undefined;
}
