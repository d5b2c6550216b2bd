import type { ModuleInput } from './registry-types';
import { defaultText } from './module-usage';

/** The module's variables: a sensitive one is marked and its default never shown (the API leaves it out). */
export function ModuleInputs({ inputs }: { inputs: ModuleInput[] }) {
  if (!inputs.length) return <p className="meta">This module takes no inputs.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="inputs-heading">
      <table data-testid="module-inputs">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
            <th scope="col">Default</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((input) => (
            <tr key={input.name}>
              <th scope="row">
                <code>{input.name}</code>
                {input.required && <span className="badge badge-required">required</span>}
                {input.sensitive && <span className="badge badge-sensitive">sensitive</span>}
              </th>
              <td>
                <code>{input.type ?? 'any'}</code>
              </td>
              <td>{input.description}</td>
              <td>
                {input.sensitive ? (
                  <span className="meta">not shown</span>
                ) : 'default' in input && input.default !== undefined ? (
                  <code>{defaultText(input.default)}</code>
                ) : (
                  <span className="meta">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
