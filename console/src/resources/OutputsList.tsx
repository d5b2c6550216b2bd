/** Outputs by name: strings as they are, anything else as JSON. */
export function OutputsList({ values, testId }: { values: Record<string, unknown>; testId: string }) {
  const entries = Object.entries(values);
  if (!entries.length) return <p className="meta">None.</p>;
  return (
    <dl className="facts" data-testid={testId}>
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
