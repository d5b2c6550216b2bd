import { useState } from 'react';
import { OutputsList } from './OutputsList';

/**
 * A resource's secret outputs (credentials), which the API gives only to its consumers: hidden
 * until asked for, so they are not on screen (or in a screenshot) by accident; hidden again on demand.
 */
export function SecretOutputs({ secrets }: { secrets: Record<string, unknown> | undefined }) {
  const [shown, setShown] = useState(false);
  if (!secrets || !Object.keys(secrets).length) return null;
  return (
    <section aria-labelledby="secret-outputs-heading">
      <h3 id="secret-outputs-heading">Secret outputs</h3>
      <button type="button" aria-expanded={shown} aria-controls="secret-outputs" onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Reveal'} secret outputs
      </button>
      <div id="secret-outputs">
        {shown ? (
          <OutputsList values={secrets} testId="secret-outputs" />
        ) : (
          <p className="meta">{Object.keys(secrets).join(', ')}: hidden.</p>
        )}
      </div>
    </section>
  );
}
