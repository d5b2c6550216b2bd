import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryString } from '../api/http';
import { useDebounced } from '../catalog/use-debounced';
import { usePageTitle } from '../layout/page-title';
import type { ModuleList } from './registry-types';
import { useApi } from './use-api';
import './registry.css';

/** The module registry: search as you type (namespace, name, system, description); the URL keeps the query. */
export function ModulesPage() {
  usePageTitle('Modules');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const typed = useDebounced(text, 200);

  useEffect(() => {
    if (typed === q) return;
    setParams(typed ? { q: typed } : {}, { replace: true });
    // only the settled text drives this
  }, [typed]);
  useEffect(() => setText(q), [q]);

  const { data, error } = useApi<ModuleList>(`/modules${queryString({ q, limit: 100 })}`);
  const items = data?.items ?? [];

  return (
    <section>
      <h1>Modules</h1>
      <p className="meta">
        Terraform modules published to Mercato&apos;s registry. Open one for its README, inputs, outputs and the{' '}
        <code>source</code> to use it.
      </p>
      <form role="search" className="registry-search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="module-search">Search modules</label>
        <input
          id="module-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="module-search-help"
        />
        <p id="module-search-help" className="help">
          Words in the namespace, name, system or description.
        </p>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2 className="results-summary" aria-live="polite">
        {data ? `${items.length}${data.next_cursor ? '+' : ''} module${items.length === 1 ? '' : 's'}` : 'Loading…'}
      </h2>
      <ul className="registry-list">
        {items.map((module) => (
          <li key={module.id} className="card">
            <h3>
              <Link to={`/modules/${module.path}`}>{module.path}</Link>
            </h3>
            <p>{module.description || <span className="meta">No description.</span>}</p>
            <p className="registry-meta">
              {module.latest_version ? `Latest ${module.latest_version}` : 'No version to install'}
              {module.visibility === 'private' && <span className="badge badge-private">private</span>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
