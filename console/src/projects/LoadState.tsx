/** What a page shows before its data is there: the API's error as an alert, or a polite "Loading". */
export function LoadState({ error }: { error: string }) {
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  return <p aria-live="polite">Loading…</p>;
}
