/** A 1-based line and column in a source file (columns count UTF-16 code units, as editors do). */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** Where in which file something is. */
export interface SourceLocation {
  /** The file path as given to the loader (relative to the working directory when possible). */
  readonly file: string;
  /** JSON pointer of the value inside the document, e.g. `/codes/3/code`; for CSV rows `/rows/<row>/<field>`. */
  readonly pointer: string;
  /** First character. */
  readonly start: Position;
  /** Position after the last character. */
  readonly end: Position;
}

/** How bad a finding is. `fatal` is used by submission validation only. */
export type Severity = 'fatal' | 'error' | 'warning' | 'info';

/** The languages messages are written in. */
export type Lang = 'sv' | 'en';

/** A message in both languages. */
export interface LocalizedMessage {
  /** Swedish (default). */
  readonly sv: string;
  /** English. */
  readonly en: string;
}

/** A finding about a user's input: never thrown, always returned. */
export interface Diagnostic {
  /** Stable kebab-case code with a prefix, e.g. `ref/unknown-classification`. */
  readonly code: string;
  /** Severity after presets and overrides. */
  readonly severity: Severity;
  /** The message in Swedish and English. */
  readonly message: LocalizedMessage;
  /** Where the problem is, when it has a place. */
  readonly source?: SourceLocation;
  /** Other places that explain the finding (e.g. the first definition of a duplicate id). */
  readonly related?: readonly SourceLocation[];
}

/** The result of every pipeline stage: a value (possibly partial) and what was found on the way. */
export interface Result<T> {
  /** The stage's output. */
  readonly value: T;
  /** Findings, in the order they were made. */
  readonly diagnostics: readonly Diagnostic[];
}
