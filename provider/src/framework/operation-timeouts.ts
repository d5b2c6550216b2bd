/** Cancellation for one operation: Terraform's StopProvider, and the operation's timeout if any. */
import type { Blocks, TimeoutOperation } from './schema';
import { operationTimeoutMs } from './timeouts';

export interface OperationLimits {
  signal: AbortSignal;
  deadline?: Date;
  timeoutMs?: number;
  /** Stops the timeout's timer and stops listening to the stop signal: call when the operation is over. */
  release?: () => void;
}

export function operationLimits(
  stopSignal: AbortSignal,
  blocks: Blocks | undefined,
  value: Record<string, unknown> | null,
  operation: TimeoutOperation,
): OperationLimits {
  const timeoutBlock = Object.values(blocks ?? {}).find((block) => block.timeoutDefaults);
  const timeoutMs = operationTimeoutMs(timeoutBlock, timeoutBlockValue(blocks, value), operation);
  if (timeoutMs === undefined) return { signal: stopSignal };
  // What AbortSignal.any([stopSignal, AbortSignal.timeout(ms)]) gives, with a timer that is
  // cleared when the operation ends instead of staying armed for the whole timeout (30 minutes
  // by default), once per resource.
  const controller = new AbortController();
  if (stopSignal.aborted) controller.abort(stopSignal.reason);
  const onStop = () => controller.abort(stopSignal.reason);
  stopSignal.addEventListener('abort', onStop, { once: true });
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    Math.max(1, Math.round(timeoutMs)),
  );
  timer.unref();
  return {
    signal: controller.signal,
    deadline: new Date(Date.now() + timeoutMs),
    timeoutMs,
    release: () => {
      clearTimeout(timer);
      stopSignal.removeEventListener('abort', onStop);
    },
  };
}

function timeoutBlockValue(blocks: Blocks | undefined, value: Record<string, unknown> | null): unknown {
  const name = Object.entries(blocks ?? {}).find(([, block]) => block.timeoutDefaults)?.[0];
  return name && value ? value[name] : null;
}

/** True when the failure came from the operation's own timeout rather than from the code. */
export function timedOut(limits: OperationLimits): boolean {
  return limits.signal.aborted && (limits.signal.reason as Error | undefined)?.name === 'TimeoutError';
}

export function formatMs(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, size] of [
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('') || `${ms}ms`;
}
