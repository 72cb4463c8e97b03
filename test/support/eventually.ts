export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Polls until `probe` returns a value (not undefined), or fails after `ms` naming `what` it waited for.
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 15_000,
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(pollMs);
  }
}
