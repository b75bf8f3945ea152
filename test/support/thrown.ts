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
