import { useEffect, useRef } from 'react';

/**
 * The outcome of an action, said by a status region that takes focus: the button pressed is often
 * disabled or gone afterwards, which would drop focus to the page body. `round` moves focus again
 * when the same text comes twice. Focus moves only once something was done (not on first show).
 */
export function FocusedStatus({ text, round, error }: { text: string; round?: number; error?: boolean }) {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) status.current?.focus();
  }, [text, round]);
  return (
    <p role="status" tabIndex={-1} ref={status} className={text ? (error ? 'error' : 'success') : undefined}>
      {text}
    </p>
  );
}
