import { Link, useParams } from 'react-router';
import { usePageTitle } from '../layout/page-title';
import { CopyableCode } from './CopyableCode';
import { ModuleInputs } from './ModuleInputs';
import { ModuleOutputs } from './ModuleOutputs';
import { ModuleVersions } from './ModuleVersions';
import { moduleBlock } from './module-usage';
import { Readme } from './Readme';
import type { ModuleDetail } from './registry-types';
import { useApi } from './use-api';
import './registry.css';

/** One module: how to use it, its latest version's README, inputs, outputs and providers, and its versions. */
export function ModulePage() {
  const { namespace = '', name = '', system = '' } = useParams();
  const path = [namespace, name, system].map(encodeURIComponent).join('/');
  usePageTitle(`${namespace}/${name}/${system}`);
  const { data: module, error } = useApi<ModuleDetail>(`/modules/${path}`);

  if (error)
    return (
      <section className="narrow">
        <h1>
          {namespace}/{name}/{system}
        </h1>
        <p className="error" role="alert">
          {error}
        </p>
        <p>
          <Link to="/modules">All modules</Link>
        </p>
      </section>
    );
  if (!module || module.path !== `${namespace}/${name}/${system}`) return <p role="status">Loading the module…</p>;

  const latest = module.latest;
  const providers = latest?.required_providers ?? [];
  const block = moduleBlock(module);
  return (
    <article className="registry-page">
      <p>
        <Link to="/modules">All modules</Link>
      </p>
      <h1>{module.path}</h1>
      {module.description && <p className="lead">{module.description}</p>}
      <p className="registry-meta">
        {latest ? `Latest version ${latest.version}` : 'Every version is yanked'}
        <span className={`badge badge-${module.visibility}`}>{module.visibility}</span>
      </p>

      <section className="panel" aria-labelledby="usage-heading">
        <h2 id="usage-heading">Use it</h2>
        {block ? (
          <CopyableCode code={block} label="module block" testId="module-source" />
        ) : (
          <p>This server has no HTTPS listener, and Terraform installs modules over HTTPS only.</p>
        )}
        {latest?.required_version && (
          <p>
            Terraform <code>{latest.required_version}</code>
          </p>
        )}
      </section>

      {latest && (
        <>
          <section className="panel" aria-labelledby="readme-heading">
            <h2 id="readme-heading">README</h2>
            <Readme markdown={latest.readme ?? ''} />
          </section>
          <section className="panel" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">Inputs</h2>
            <ModuleInputs inputs={latest.inputs ?? []} />
          </section>
          <section className="panel" aria-labelledby="outputs-heading">
            <h2 id="outputs-heading">Outputs</h2>
            <ModuleOutputs outputs={latest.outputs ?? []} />
          </section>
          {providers.length > 0 && (
            <section className="panel" aria-labelledby="providers-heading">
              <h2 id="providers-heading">Providers</h2>
              <ul>
                {providers.map((p) => (
                  <li key={p.name}>
                    <code>{p.name}</code>: <code>{p.source}</code> {p.version && <code>{p.version}</code>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <section className="panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ModuleVersions versions={module.versions ?? []} />
      </section>
    </article>
  );
}
