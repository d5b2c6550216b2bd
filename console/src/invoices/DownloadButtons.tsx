import { useState } from 'react';
import { problemText } from '../projects/problem-text';
import { useToken } from '../session/session';
import { downloadFile } from './download';

/** Saves the invoice as the server exports it: CSV (one row per item) or JSON (the whole invoice). */
export function DownloadButtons({ organizationId, period }: { organizationId: string; period: string }) {
  const token = useToken();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

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
      <p aria-live="polite" className="meta">
        {status}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
