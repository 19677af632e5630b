/** Runs tasks one at a time in call order; a failed task does not stop the ones queued after it. */
export interface WriteQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Creates a queue that serialises every vault write, so concurrent callers cannot overwrite each other. */
export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
