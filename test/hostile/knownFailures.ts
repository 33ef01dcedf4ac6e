/**
 * Known failures of the hostile sweeps: a broken promise that cannot be fixed at once is listed
 * here by reproducer, so the sweeps stay green while it is tracked. Empty: every failure the sweeps
 * found is fixed. test/edges/errors.test.ts fails on an entry whose calls in the fast
 * sweep all pass, so the list cannot go stale silently.
 */

/** A known failure: the export, a reproducer, the fix it awaits, and which sweep calls it covers. */
export interface KnownFailure {
  /** The export that fails. */
  readonly export: string;
  /** A minimal reproducer, in words. */
  readonly reproducer: string;
  /** The fix it waits for (the change, or the branch, that mends it). */
  readonly awaits: string;
  /** Whether a sweep call (by its label, `export#seed path := value; …`) is this failure. */
  readonly matches: (label: string) => boolean;
  /** The call hangs or takes many seconds: it is not run. */
  readonly skip?: boolean;
}

/** Failures of the fast and random sweeps, by export and reproducer. */
export const KNOWN_FAILURES: readonly KnownFailure[] = [];

/** Calls whose results differ between the process time zones UTC and America/Los_Angeles. */
export const KNOWN_TIME_ZONE_DEPENDENT: readonly KnownFailure[] = [];
