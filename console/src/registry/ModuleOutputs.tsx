import type { ModuleOutput } from './registry-types';

/** The module's outputs; a sensitive one is marked (Terraform hides its value in plans). */
export function ModuleOutputs({ outputs }: { outputs: ModuleOutput[] }) {
  if (!outputs.length) return <p className="meta">This module has no outputs.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="outputs-heading">
      <table data-testid="module-outputs">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {outputs.map((output) => (
            <tr key={output.name}>
              <th scope="row">
                <code>{output.name}</code>
                {output.sensitive && <span className="badge badge-sensitive">sensitive</span>}
              </th>
              <td>{output.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
