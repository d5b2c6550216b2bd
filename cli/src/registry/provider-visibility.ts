import type { MercatoClient, TerraformProvider } from '@mercato/api';
import { CliError } from '../cli-error';

const VISIBILITIES = ['public', 'private'];

/** What a provider's visibility means to whoever runs `terraform init`, and how to change it. */
export function visibilityLine(provider: Pick<TerraformProvider, 'namespace' | 'type' | 'visibility'>): string {
  const address = `${provider.namespace}/${provider.type}`;
  return provider.visibility === 'public'
    ? `  public: terraform init installs it with no token`
    : `  private: terraform init needs a token of someone in ${provider.namespace} (\`mercato provider visibility ${address} public\` opens it to all)`;
}

/**
 * `mercato provider visibility NAMESPACE/TYPE public|private`: finds the provider by its address and
 * changes its visibility (its organization's owners and service managers). Throws a CliError for
 * an unknown visibility, a malformed address or a provider the caller cannot see.
 */
export async function setProviderVisibility(
  client: MercatoClient,
  address: string,
  visibility: string,
): Promise<string> {
  if (!VISIBILITIES.includes(visibility))
    throw new CliError(`unknown visibility "${visibility}"; one of ${VISIBILITIES.join(', ')}`);
  const [namespace, type, ...rest] = address.split('/');
  if (!namespace || !type || rest.length)
    throw new CliError(`"${address}": name the provider as NAMESPACE/TYPE, e.g. mercato/mercato`);
  const [provider] = await client.listAll<TerraformProvider>('/terraform-providers', { namespace, type });
  if (!provider) throw new CliError(`no provider ${address} (or you may not see it)`);
  const updated = await client.patch<TerraformProvider>(`/terraform-providers/${provider.id}`, { visibility });
  return `${address} is ${updated.visibility}\n${visibilityLine(updated)}`;
}
