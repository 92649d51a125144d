/**
 * A promise-chain queue: tasks run one at a time, in the order they were queued. The background
 * runs every read-modify-write of stored data through one, so writes from five tabs and the popup
 * arriving together are applied in turn and none is lost.
 */

/** Runs tasks one after another. */
export interface WriteQueue {
  /** Queues `task`; resolves or rejects with its outcome. A failed task never blocks the next. */
  run<T>(task: () => Promise<T> | T): Promise<T>;
  /** Resolves when every task queued so far has finished. */
  idle(): Promise<void>;
}

/** A new, empty queue. */
export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(() => task());
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}
