import { randomBytes } from 'node:crypto';
import type { SimulatedResource } from './simulated-backend';

/**
 * The two simulated products and what each reports of a resource. Every resource says in its
 * outputs that it is simulated: nothing is created anywhere.
 */

const SIMULATED_NOTE =
  'Simulated by the Mercato example site agent (examples/agent): no machine or cluster exists behind this resource.';

export interface Product {
  /** Backend ids are this prefix and the end of the resource's id, so a repeated create finds the first one's. */
  prefix: string;
  /** Credentials made at creation, kept for the resource's life. */
  newSecrets(): Record<string, string>;
  outputs(resource: SimulatedResource): Record<string, unknown>;
  /** Amounts of the offering's usage components this month (UTC), by component type. */
  usage?(resource: SimulatedResource, now: Date): Record<string, number>;
}

const password = () => randomBytes(18).toString('base64url');
/** A stable private address from the backend id. */
const addressOf = (backendId: string) => {
  const bytes = Buffer.from(backendId.slice(-6).padStart(6, '0'), 'hex');
  return `10.${bytes[0] ?? 0}.${bytes[1] ?? 0}.${Math.max(bytes[2] ?? 0, 2)}`;
};
const dnsLabel = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'resource';

const VIRTUAL_MACHINE: Product = {
  prefix: 'vm',
  newSecrets: () => ({ root_password: password() }),
  outputs: (resource) => {
    const image = String(resource.attributes.image ?? 'ubuntu-24.04');
    return {
      hostname: `${dnsLabel(resource.name)}.vm.demo.mercato.example`,
      private_ip: addressOf(resource.backend_id),
      ...(resource.attributes.networking === 'public'
        ? { public_ip: `198.51.100.${addressOf(resource.backend_id).split('.')[3]}` }
        : {}),
      ssh_user: image.startsWith('windows') ? 'Administrator' : image.split('-')[0],
      image,
      instance_type: resource.attributes.instance_type ?? 'general-purpose',
      power_state: resource.power,
      simulated: true,
      note: SIMULATED_NOTE,
    };
  },
};

/** vCPUs of a simulated worker node by instance type. */
const NODE_VCPUS: Record<string, number> = { 'general-purpose': 4, 'compute-optimized': 8, 'memory-optimized': 4 };

type NodePool = { name?: string; instance_type?: string; replicas?: number };
const poolsOf = (resource: SimulatedResource) =>
  Array.isArray(resource.attributes.node_pools) ? (resource.attributes.node_pools as NodePool[]) : [];

const OPENSHIFT_CLUSTER: Product = {
  prefix: 'ocp',
  newSecrets: () => ({
    kubeadmin_password: `${password().slice(0, 5)}-${password().slice(0, 5)}-${password().slice(0, 5)}`,
  }),
  outputs: (resource) => {
    const domain = `${dnsLabel(resource.name)}.ocp.demo.mercato.example`;
    return {
      api_url: `https://api.${domain}:6443`,
      console_url: `https://console-openshift-console.apps.${domain}`,
      openshift_version: resource.attributes.openshift_version ?? '4.15',
      worker_nodes: poolsOf(resource).reduce((sum, pool) => sum + (pool.replicas ?? 0), 0),
      power_state: resource.power === 'running' ? 'running' : 'hibernating',
      simulated: true,
      note: SIMULATED_NOTE,
    };
  },
  // Worker vCPU hours since the cluster was made or the month began, as if every node ran all along.
  usage: (resource, now) => {
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const since = Math.max(Date.parse(resource.created_at), monthStart);
    const hours = Math.max(now.getTime() - since, 0) / 3_600_000;
    const vcpus = poolsOf(resource).reduce(
      (sum, pool) => sum + (pool.replicas ?? 0) * (NODE_VCPUS[pool.instance_type ?? ''] ?? 4),
      0,
    );
    return { worker_vcpu: Math.round(vcpus * hours * 100) / 100 };
  },
};

/** The product of an offering, by its slug: an OpenShift cluster when the slug says so, else a virtual machine. */
export function productFor(slug: string): { kind: string; product: Product } {
  return /openshift|ocp/.test(slug)
    ? { kind: 'openshift-hosted-cluster', product: OPENSHIFT_CLUSTER }
    : { kind: 'virtual-machine', product: VIRTUAL_MACHINE };
}
