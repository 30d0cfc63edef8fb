import { vi } from 'vitest';

/**
 * A stand-in for `scheduler.postTask` whose tasks run only when the test
 * says: what the panel's slices wait for, in the order they asked.
 */
export function stubScheduler() {
  const queue: { run: () => void; priority: string | undefined }[] = [];
  const asked: (string | undefined)[] = [];
  vi.stubGlobal('scheduler', {
    postTask(callback: () => unknown, options: { priority?: string; signal?: AbortSignal } = {}): Promise<unknown> {
      asked.push(options.priority);
      return new Promise((resolve, reject) => {
        const task = { run: () => resolve(callback()), priority: options.priority };
        queue.push(task);
        options.signal?.addEventListener('abort', () => {
          const index = queue.indexOf(task);
          if (index >= 0) queue.splice(index, 1);
          reject(new DOMException('The task was aborted', 'AbortError'));
        });
      });
    },
  });
  return {
    /** The priority of each task asked for. */
    asked,
    pending: () => queue.length,
    /** Runs the oldest waiting task. */
    runNext: () => queue.shift()?.run(),
  };
}
