/** What a synchronous call throws (an `EcsError`, as a plain code and message); fails the test when it returns. */
export function thrown(run: () => unknown): { readonly code: string; readonly message: string } {
  try {
    run();
  } catch (error) {
    const raw = error as { code?: unknown; message?: unknown };
    return { code: String(raw.code), message: String(raw.message) };
  }
  throw new Error('expected a failure, but the call returned');
}

/** The error of class `type` that a synchronous call throws; fails the test when it returns, rethrows any other error. */
export function thrownAs<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but the call returned`);
}
