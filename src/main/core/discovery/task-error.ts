import type { PortalFailure } from './portal-errors';

/** Why a scheduled task did not produce a result. */
export type TaskErrorReason = 'failed' | 'cancelled' | 'session-ended';

/** Why a scheduler stopped taking work. */
export type StopReason = Exclude<TaskErrorReason, 'failed'>;

/**
 * The error a scheduled task's promise rejects with.
 *
 * `failed`: the call failed for good (not retryable, or out of attempts) and `failure` says how;
 * `cancelled`: the run was cancelled before the task finished; `session-ended`: a 401 ended the run.
 */
export class TaskError extends Error {
  override readonly name = 'TaskError';
  readonly reason: TaskErrorReason;
  readonly failure: PortalFailure | undefined;
  /** Calls sent for this task before it ended. */
  readonly attempts: number;

  constructor(reason: TaskErrorReason, failure: PortalFailure | undefined, attempts: number) {
    super(describe(reason, failure, attempts));
    this.reason = reason;
    this.failure = failure;
    this.attempts = attempts;
  }
}

function describe(reason: TaskErrorReason, failure: PortalFailure | undefined, attempts: number): string {
  switch (reason) {
    case 'failed':
      return `Portal call failed (${failure?.name ?? 'unknown'}, HTTP ${failure?.status ?? '-'}) after ${attempts} attempt(s)`;
    case 'cancelled':
      return 'Cancelled';
    case 'session-ended':
      return 'The session ended (401)';
  }
}

/** Whether `error` is a `TaskError`, optionally of one reason. */
export function isTaskError(error: unknown, reason?: TaskErrorReason): error is TaskError {
  return error instanceof TaskError && (reason === undefined || error.reason === reason);
}
