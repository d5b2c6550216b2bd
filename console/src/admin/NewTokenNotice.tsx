import { useEffect, useRef, useState } from 'react';

export interface IssuedToken {
  token: string;
  name: string;
  username: string;
}

/**
 * A token just issued: the only time anyone sees it (the server keeps its hash). Focus moves here
 * so a screen reader announces it; the copy button and the warning sit beside the value.
 */
export function NewTokenNotice({ issued, onDismiss }: { issued: IssuedToken; onDismiss(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => heading.current?.focus(), [issued]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied('Copied.');
    } catch {
      setCopied('Copying was refused: select the token and copy it.');
    }
  };

  return (
    <section className="panel secret-once stack" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading" ref={heading} tabIndex={-1}>
        New token for {issued.username}
      </h2>
      <p id="new-token-warning">
        <strong>Copy it now: it will not be shown again.</strong> Mercato keeps only its hash. Hand it to{' '}
        {issued.username} by a private channel.
      </p>
      <label htmlFor="new-token">Token “{issued.name}”</label>
      <input
        id="new-token"
        readOnly
        value={issued.token}
        aria-describedby="new-token-warning"
        onFocus={(e) => e.target.select()}
        data-testid="new-token"
      />
      <div>
        <button type="button" onClick={() => void copy()}>
          Copy the token
        </button>{' '}
        <span role="status">{copied}</span>
      </div>
      <button type="button" onClick={onDismiss}>
        I have copied it
      </button>
    </section>
  );
}
