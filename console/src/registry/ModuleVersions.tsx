import type { ModuleVersionSummary } from './registry-types';

/** Every version, highest first: yanked ones (`terraform init` no longer chooses them) and deprecated ones marked. */
export function ModuleVersions({ versions }: { versions: ModuleVersionSummary[] }) {
  return (
    <ul className="registry-versions" data-testid="module-versions">
      {versions.map((v) => (
        <li key={v.version}>
          <strong>{v.version}</strong> <span className="meta">published {v.published_at?.slice(0, 10)}</span>
          {v.yanked && <span className="badge badge-deprecated">yanked</span>}
          {v.deprecated && <span className="badge badge-deprecated">deprecated</span>}
          {v.deprecated && v.deprecation_message && <p className="meta">{v.deprecation_message}</p>}
        </li>
      ))}
    </ul>
  );
}
