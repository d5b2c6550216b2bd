import { useState } from 'react';
import { toCdktf, toHcl, type OrderAsCode } from './as-code';

type Flavour = 'hcl' | 'cdktf';
const TABS: { id: Flavour; title: string }[] = [
  { id: 'hcl', title: 'Terraform (HCL)' },
  { id: 'cdktf', title: 'CDKTF (TypeScript)' },
];

/** The order on the page as Terraform and CDKTF code, following the form as it changes. */
export function AsCodePanel({ order }: { order: OrderAsCode }) {
  const [flavour, setFlavour] = useState<Flavour>('hcl');
  const [copied, setCopied] = useState('');
  const code = flavour === 'hcl' ? toHcl(order) : toCdktf(order);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied.');
    } catch {
      setCopied('Copying was refused: select the code and copy it.');
    }
  };

  return (
    <section className="panel as-code" aria-labelledby="as-code-heading">
      <h2 id="as-code-heading">As code</h2>
      <div role="tablist" aria-label="Language">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={flavour === tab.id}
            aria-controls="as-code-panel"
            tabIndex={flavour === tab.id ? 0 : -1}
            onClick={() => {
              setFlavour(tab.id);
              setCopied('');
            }}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              const next = TABS[(TABS.findIndex((t) => t.id === flavour) + 1) % TABS.length];
              setFlavour(next.id);
              document.getElementById(`tab-${next.id}`)?.focus();
            }}
          >
            {tab.title}
          </button>
        ))}
      </div>
      <div id="as-code-panel" role="tabpanel" aria-labelledby={`tab-${flavour}`}>
        <pre tabIndex={0} aria-label={`${flavour === 'hcl' ? 'Terraform' : 'CDKTF'} code`}>
          <code data-testid={`code-${flavour}`}>{code}</code>
        </pre>
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>{' '}
        <span role="status">{copied}</span>
      </div>
    </section>
  );
}
