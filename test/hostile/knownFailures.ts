/**
 * Known failures of the hostile sweeps, each owned by a fix in progress on another branch of
 * issue 23. The lead empties this list as the branches merge; an entry whose reproducer no longer
 * fails makes test/edges/errors.test.ts fail, so the list cannot go stale.
 */

/** A known failure: the export, a reproducer, whose fix it awaits, and which sweep calls it covers. */
export interface KnownFailure {
  /** The export that fails. */
  readonly export: string;
  /** A minimal reproducer, in words. */
  readonly reproducer: string;
  /** The issue 23 item / fix it waits for. */
  readonly awaits: string;
  /** Whether a sweep call (by its label, `export#seed path := value`) is this failure. */
  readonly matches: (label: string) => boolean;
  /** The call hangs or kills the process: do not run it. */
  readonly skip?: boolean;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [];
