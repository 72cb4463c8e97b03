import { AsyncLocalStorage } from 'node:async_hooks';

const scratch = new AsyncLocalStorage<true>();

// Runs `work` as a scratch fold: the log replayed into throwaway copies of the read models (a
// verification), whose rows never commit.
export const inScratchFold = <T>(work: () => Promise<T>): Promise<T> => scratch.run(true, work);

// False inside a scratch fold: a wake-up enqueued there (a reminder, a notice, a comparison) would point
// at rows that never commit, or act on the live ones.
export const sideEffectsAllowed = (): boolean => scratch.getStore() !== true;
