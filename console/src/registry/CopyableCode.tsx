import { useState } from 'react';

/** Code to paste into a configuration, with a Copy button that says whether it worked. */
export function CopyableCode({ code, label, testId }: { code: string; label: string; testId?: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('Copied.');
    } catch {
      setStatus('Copying was refused: select the code and copy it.');
    }
  };
  return (
    <div className="copyable">
      {/* Focusable so a keyboard user can scroll a long line. */}
      <pre tabIndex={0} aria-label={label}>
        <code data-testid={testId}>{code}</code>
      </pre>
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        Copy
      </button>{' '}
      <span role="status">{status}</span>
    </div>
  );
}
