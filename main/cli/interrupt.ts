/**
 * Runs `work` with an AbortSignal that Ctrl-C (SIGINT) or SIGTERM aborts, so work that cleans
 * up after itself gets to (an export removes its temporary files). Resolves to what `work`
 * did, or to the signal's name when it was interrupted.
 */
export async function withInterrupt<T>(
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ done: true; value: T } | { done: false; signal: NodeJS.Signals }> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    received = signal;
    controller.abort(new DOMException(`Interrupted by ${signal}`, 'AbortError'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return { done: true, value: await work(controller.signal) };
  } catch (error) {
    if (received !== undefined) return { done: false, signal: received };
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The shell's exit code for a process ended by `signal`: 128 + its number (130 for Ctrl-C). */
export function exitCodeFor(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1;
}
