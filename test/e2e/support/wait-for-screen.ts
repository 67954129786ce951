/**
 * Polls `capture` until `predicate` accepts the screen, and returns that screen. On timeout the
 * error carries the last screen seen, which is usually all one needs to see why.
 */
export async function waitForScreen(
  capture: () => Promise<string> | string,
  predicate: (screen: string) => boolean,
  timeoutMs = 30_000,
  intervalMs = 150,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let screen = '';
  for (;;) {
    try {
      screen = await capture();
    } catch (error) {
      screen = `<capture failed: ${String(error)}>`;
    }
    if (predicate(screen)) return screen;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for the screen; last screen:\n${screen}`);
}
