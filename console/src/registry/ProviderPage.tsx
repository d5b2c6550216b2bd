import { Link, useParams } from 'react-router';
import { queryString } from '../api/http';
import { usePageTitle } from '../layout/page-title';
import { CopyableCode } from './CopyableCode';
import { latestVersion, requiredProvidersBlock } from './provider-usage';
import type { ProviderVersionList, TerraformProvider } from './registry-types';
import { useApi } from './use-api';
import './registry.css';

/** One provider: the `required_providers` block to copy, and its versions with their platforms, newest first. */
export function ProviderPage() {
  const { id = '' } = useParams();
  const { data: provider, error } = useApi<TerraformProvider>(`/terraform-providers/${encodeURIComponent(id)}`);
  const { data: versions, error: versionsError } = useApi<ProviderVersionList>(
    provider ? `/terraform-provider-versions${queryString({ provider_id: provider.id })}` : null,
  );
  usePageTitle(provider ? `${provider.namespace}/${provider.type}` : 'Provider');

  if (error || versionsError)
    return (
      <section className="narrow">
        <h1>Provider</h1>
        <p className="error" role="alert">
          {error || versionsError}
        </p>
        <p>
          <Link to="/providers">All providers</Link>
        </p>
      </section>
    );
  if (!provider || !versions || provider.id !== id) return <p role="status">Loading the provider…</p>;

  const items = versions.items ?? [];
  const latest = latestVersion(items);
  const block = requiredProvidersBlock(provider, latest);
  return (
    <article className="registry-page">
      <p>
        <Link to="/providers">All providers</Link>
      </p>
      <h1>
        {provider.namespace}/{provider.type}
      </h1>
      <p className="registry-meta">
        {latest ? `Latest version ${latest.version}` : 'No version to install'}
        <span className={`badge badge-${provider.visibility}`}>{provider.visibility}</span>
      </p>
      <section className="panel" aria-labelledby="usage-heading">
        <h2 id="usage-heading">Use it</h2>
        {block ? (
          <CopyableCode code={block} label="required_providers block" testId="provider-source" />
        ) : (
          <p>This server has no HTTPS listener, and Terraform installs providers over HTTPS only.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ul className="registry-versions" data-testid="provider-versions">
          {[...items].reverse().map((v) => (
            <li key={v.id}>
              <strong>{v.version}</strong> <span className="meta">published {v.created_at?.slice(0, 10)}</span>
              {v.yanked && <span className="badge badge-deprecated">yanked</span>}
              {v.yanked && v.yank_reason && <p className="meta">{v.yank_reason}</p>}
              <p>
                Protocols {(v.protocols ?? []).join(', ')}. Platforms:{' '}
                {(v.platforms ?? []).map((p) => `${p.os}_${p.arch}`).join(', ') || 'none'}.
              </p>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
