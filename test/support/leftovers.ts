/**
 * What a test file opened and has not closed yet: servers, apps, stores. When a hook runs past
 * jest's bound, jest goes on to afterAll while the hook keeps running, and what the hook opens
 * afterwards stays open: jest then never exits (issue 19.9, an open socket). The setup file
 * (leftovers-setup.ts) closes what is left at the end of each file and makes any later opening
 * close itself at once.
 */
const open = new Set<() => Promise<void>>();
let fileEnded = false;

/** Registers a close; returns the function that unregisters it (call it when closed normally). */
export const track = (close: () => Promise<void>): (() => void) => {
  open.add(close);
  return () => {
    open.delete(close);
  };
};

/** True once the file's tests are over: whatever opens now must close again at once. */
export const testFileEnded = (): boolean => fileEnded;

export const closeLeftovers = async (): Promise<void> => {
  fileEnded = true;
  for (const close of [...open]) {
    open.delete(close);
    await close().catch(() => undefined);
  }
};
