/**
 * An append the client sent and never heard back about. The client keeps one BatchAppend call per
 * channel and settles a write only when that call answers or fails. On a busy machine, after the
 * server dropped a subscription and the client re-opened its channel, the next BatchAppend call
 * looked open, took every write and answered none: the append, and the import or request behind
 * it, waited for ever (issue 19.9). Bounded, it is sent again, and if the call stays silent the
 * caller gets this error, whose `code` makes it store-unavailable (503), after some 40 s.
 * (Cancelling the silent call made the client open a fresh one, but then a late answer on it threw
 * inside the client's own handler: not done.)
 */
export class AppendUnanswered extends Error {
  override readonly name = 'AppendUnanswered';
  readonly code = 'ETIMEDOUT';

  constructor(ms: number) {
    super(`EventStoreDB did not answer an append within ${ms} ms`);
  }
}

/** The append's own outcome, or AppendUnanswered after `ms`; the timer never outlives the answer. */
export const answeredWithin = <T>(answer: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AppendUnanswered(ms)), ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
