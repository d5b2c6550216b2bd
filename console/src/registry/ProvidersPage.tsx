import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryString } from '../api/http';
import { useDebounced } from '../catalog/use-debounced';
import { usePageTitle } from '../layout/page-title';
import type { ProviderList } from './registry-types';
import { useApi } from './use-api';
import './registry.css';

const FIELDS = [
  { key: 'namespace', label: 'Namespace', help: "An organization's slug." },
  { key: 'type', label: 'Type', help: 'The provider’s name, e.g. dns.' },
] as const;

/** The provider registry: the providers the user may install, found by namespace and type (the URL keeps them). */
export function ProvidersPage() {
  usePageTitle('Providers');
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState({ namespace: params.get('namespace') ?? '', type: params.get('type') ?? '' });
  const typed = useDebounced(form, 200);

  useEffect(() => {
    const next = Object.fromEntries(Object.entries(typed).filter(([, v]) => v.trim()));
    if (new URLSearchParams(next).toString() !== params.toString()) setParams(next, { replace: true });
    // only the settled text drives this
  }, [typed]);

  const query = { namespace: params.get('namespace')?.trim(), type: params.get('type')?.trim(), limit: 100 };
  const { data, error } = useApi<ProviderList>(`/terraform-providers${queryString(query)}`);
  const items = data?.items ?? [];

  return (
    <section>
      <h1>Providers</h1>
      <p className="meta">Terraform providers published to Mercato&apos;s registry.</p>
      <form role="search" className="registry-search registry-filters" onSubmit={(e) => e.preventDefault()}>
        {FIELDS.map((field) => (
          <div key={field.key} className="field">
            <label htmlFor={`provider-${field.key}`}>{field.label}</label>
            <input
              id={`provider-${field.key}`}
              type="search"
              value={form[field.key]}
              onChange={(e) => setForm({ ...form, [field.key]: e.target.value })}
              aria-describedby={`provider-${field.key}-help`}
            />
            <p id={`provider-${field.key}-help`} className="help">
              {field.help}
            </p>
          </div>
        ))}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2 className="results-summary" aria-live="polite">
        {data ? `${items.length} provider${items.length === 1 ? '' : 's'}` : 'Loading…'}
      </h2>
      <ul className="registry-list">
        {items.map((provider) => (
          <li key={provider.id} className="card">
            <h3>
              <Link to={`/providers/${provider.id}`}>
                {provider.namespace}/{provider.type}
              </Link>
            </h3>
            <p className="registry-meta">
              <span className={`badge badge-${provider.visibility}`}>{provider.visibility}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
