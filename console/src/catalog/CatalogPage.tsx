import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isAbort, messageOf, queryString, request } from '../api/http';
import type { Facet, Offering, OfferingSearch } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { useToken } from '../session/session';
import { catalogQuery, FACET_ORDER, FACET_PARAMS, FACET_TITLES, type FacetName } from './catalog-query';
import { useDebounced } from './use-debounced';

const PAGE_SIZE = 24;

/**
 * Search as you type, facets with counts, paged results: the server searches and counts
 * (GET /api/v1/offerings), the page never holds more than the pages it showed.
 */
export function CatalogPage() {
  usePageTitle('Catalog');
  const token = useToken();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => catalogQuery(params), [params]);
  const [text, setText] = useState(query.q ?? '');
  // The URL follows the settled text; the search follows every key (a newer one aborts the older).
  const typed = useDebounced(text, 200);
  const live = useMemo(() => {
    const { q: _settled, ...rest } = query;
    return text ? { ...rest, q: text } : rest;
  }, [query, text]);

  // Typing updates the URL (replacing the entry: one history step per search, not per key).
  useEffect(() => {
    if ((params.get('q') ?? '') === typed) return;
    const next = new URLSearchParams(params);
    if (typed) next.set('q', typed);
    else next.delete('q');
    setParams(next, { replace: true });
    // only the settled text drives this: params are read, not watched
  }, [typed]);

  // Back and forward change the URL: the box follows (not when the URL only caught up with it).
  useEffect(() => {
    const q = params.get('q') ?? '';
    if (q !== typed) setText(q);
  }, [params]);

  const [result, setResult] = useState<OfferingSearch | null>(null);
  const [items, setItems] = useState<Offering[]>([]);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [shownKey, setShownKey] = useState('');
  const key = queryString(live);

  useEffect(() => {
    const controller = new AbortController(); // a newer query cancels the request in flight
    setLoading(true);
    request<OfferingSearch>(token, `/offerings${queryString({ ...live, limit: PAGE_SIZE })}`, {
      signal: controller.signal,
    }).then(
      (body) => {
        setResult(body);
        setShownKey(key);
        setItems(body.items ?? []);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setError(messageOf(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `key` is the query's text: a new object with the same query asks nothing again
  }, [key, token]);

  const loadMore = async () => {
    if (!result?.next_cursor) return;
    const body = await request<OfferingSearch>(
      token,
      `/offerings${queryString({ ...live, limit: PAGE_SIZE, cursor: result.next_cursor })}`,
    );
    setResult({ ...body, facets: result.facets, total: result.total });
    setItems((shown) => [...shown, ...(body.items ?? [])]);
  };

  const choose = (facet: FacetName, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(FACET_PARAMS[facet], value);
    else next.delete(FACET_PARAMS[facet]);
    setParams(next);
  };

  return (
    <div className="catalog">
      <h1 className="visually-hidden">Catalog</h1>
      <div className="catalog-search" role="search">
        <label htmlFor="catalog-q">Search the catalog</label>
        <input
          id="catalog-q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Name, description or tag"
          autoComplete="off"
        />
      </div>
      <aside className="facets" aria-label="Filters">
        {FACET_ORDER.map((facet) => (
          <FacetGroup
            key={facet}
            facet={facet}
            values={result?.facets?.[facet] ?? []}
            chosen={params.get(FACET_PARAMS[facet]) ?? ''}
            onChoose={(value) => choose(facet, value)}
          />
        ))}
      </aside>
      {/* data-results-for: the query the results shown answer (bench/console-catalog.ts waits on it). */}
      <section
        className="results"
        aria-labelledby="results-heading"
        aria-busy={loading}
        data-results-for={result ? shownKey : undefined}
      >
        <h2 id="results-heading" className="results-summary" aria-live="polite">
          {result ? `${result.total} ${result.total === 1 ? 'offering' : 'offerings'}` : 'Searching…'}
        </h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <ul className="cards">
          {items.map((offering) => (
            <li key={offering.id}>
              <OfferingCard offering={offering} />
            </li>
          ))}
        </ul>
        {result?.next_cursor && (
          <button type="button" onClick={() => void loadMore()}>
            Show more
          </button>
        )}
      </section>
    </div>
  );
}

function FacetGroup(props: { facet: FacetName; values: Facet[]; chosen: string; onChoose(value: string): void }) {
  const { facet, values, chosen, onChoose } = props;
  const name = `facet-${facet}`;
  return (
    <fieldset className="facet" data-facet={facet}>
      <legend>{FACET_TITLES[facet]}</legend>
      <label>
        <input type="radio" name={name} value="" checked={!chosen} onChange={() => onChoose('')} /> Any
      </label>
      {values.map((v) => (
        <label key={v.value}>
          <input
            type="radio"
            name={name}
            value={v.value}
            checked={chosen === v.value}
            onChange={() => onChoose(v.value ?? '')}
          />{' '}
          {v.label || v.value} <span className="count">({v.count})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** beta and deprecated as the server's search says them (latest orderable version beta; every version deprecated). */
function badgesOf(offering: Offering): string[] {
  const badges: string[] = [];
  if (offering.latest_version_status === 'beta') badges.push('beta');
  if (offering.all_versions_deprecated) badges.push('deprecated');
  if (offering.status && offering.status !== 'active') badges.push(offering.status);
  return badges;
}

function OfferingCard({ offering }: { offering: Offering }) {
  return (
    <article className="card" data-slug={offering.slug}>
      <h3>
        <Link to={`/offerings/${encodeURIComponent(offering.slug ?? offering.id ?? '')}`}>{offering.name}</Link>
      </h3>
      <p className="meta">
        {offering.platform}
        {offering.latest_version ? ` · v${offering.latest_version}` : ''}
        {badgesOf(offering).map((badge) => (
          <span key={badge} className={`badge badge-${badge}`}>
            {badge}
          </span>
        ))}
      </p>
      <p>{offering.description}</p>
      {(offering.tags ?? []).length > 0 && (
        <p className="tags">
          {(offering.tags ?? []).map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
