import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../src/vault/write-queue';

describe('createWriteQueue', () => {
  it('runs tasks one at a time in call order and keeps going after a failure', async () => {
    const queue = createWriteQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        setTimeout(() => {
          running -= 1;
          log.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms);
      });
    const results = await Promise.allSettled([queue.run(task('a', 20)), queue.run(task('b', 1, true)), queue.run(task('c', 5))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
