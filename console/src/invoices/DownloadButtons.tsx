import { useEffect, useRef, useState } from 'react';
import { problemText } from '../projects/problem-text';
import { useToken } from '../session/session';
import { downloadFile } from './download';

/** Saves the invoice as the server exports it: CSV (one row per item) or JSON (the whole invoice). */
export function DownloadButtons({ organizationId, period }: { organizationId: string; period: string }) {
  const token = useToken();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const outcome = useRef<HTMLDivElement>(null);
  // Both buttons are disabled while saving, which drops focus to the body: to the outcome instead.
  useEffect(() => {
    if (status || error) outcome.current?.focus();
  }, [status, error]);

  const download = async (format: 'csv' | 'json') => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      const name = `invoice-${organizationId}-${period}.${format}`;
      await downloadFile(token, `/invoices/${organizationId}/${period}?format=${format}`, name);
      setStatus(`Saved ${name}.`);
    } catch (e) {
      setError(`The ${format.toUpperCase()} download failed: ${problemText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void download('csv')}>
          Download CSV
        </button>
        <button type="button" disabled={busy} onClick={() => void download('json')}>
          Download JSON
        </button>
      </div>
      <div role="status" tabIndex={-1} ref={outcome}>
        <p className="meta">{status}</p>
        {error && <p className="error">{error}</p>}
      </div>
    </div>
  );
}
