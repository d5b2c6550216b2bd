import { prng } from './processes';

/** A realistic synthetic catalog: word lists per category, deterministic for a seed. */

export const PLATFORMS = ['aws', 'azure', 'gcp', 'on-premises', 'other'] as const;

export const CATEGORIES: Array<{ title: string; description: string; products: string[] }> = [
  {
    title: 'Compute',
    description: 'Virtual machines and bare metal',
    products: ['Virtual Machine', 'Bare Metal Server', 'GPU Instance', 'Spot Instance', 'Batch Compute', 'HPC Node'],
  },
  {
    title: 'Containers',
    description: 'Kubernetes and container platforms',
    products: ['OpenShift', 'Kubernetes', 'Container Registry', 'Service Mesh', 'Knative', 'Helm Repository'],
  },
  {
    title: 'Databases',
    description: 'Relational and NoSQL databases',
    products: ['PostgreSQL', 'MySQL', 'MariaDB', 'MongoDB', 'Cassandra', 'Redis', 'CockroachDB', 'TimescaleDB'],
  },
  {
    title: 'Messaging',
    description: 'Queues, streams and event buses',
    products: ['Kafka', 'RabbitMQ', 'NATS', 'Pulsar', 'MQTT Broker', 'Event Bus'],
  },
  {
    title: 'Storage',
    description: 'Object, block and file storage',
    products: ['Object Storage', 'Block Volume', 'NFS Share', 'Backup Vault', 'Archive Storage', 'Ceph Pool'],
  },
  {
    title: 'Observability',
    description: 'Metrics, logs and traces',
    products: ['Prometheus', 'Grafana', 'Loki', 'Tempo', 'OpenSearch', 'Alertmanager'],
  },
  {
    title: 'Networking',
    description: 'Load balancers, DNS and VPNs',
    products: ['Load Balancer', 'DNS Zone', 'VPN Gateway', 'Private Link', 'CDN', 'Firewall'],
  },
  {
    title: 'Security',
    description: 'Secrets, identity and certificates',
    products: ['Vault', 'Keycloak', 'Certificate Authority', 'HSM', 'WAF', 'Secrets Manager'],
  },
  {
    title: 'Analytics',
    description: 'Warehouses and data processing',
    products: ['Spark', 'Trino', 'ClickHouse', 'Airflow', 'Flink', 'Data Lake'],
  },
  {
    title: 'AI and ML',
    description: 'Model training and serving',
    products: ['Jupyter Hub', 'Model Serving', 'Vector Database', 'MLflow', 'LLM Gateway', 'Ray Cluster'],
  },
];

const QUALIFIERS = [
  'Managed',
  'Hosted',
  'Dedicated',
  'Serverless',
  'Shared',
  'Highly Available',
  'Enterprise',
  'Starter',
  'Regional',
  'Sovereign',
  'Secure',
  'Elastic',
  'Premium',
  'Standard',
  'Compact',
];
const SUFFIXES = ['', 'Cluster', 'Service', 'Instance', 'Edition', 'Pool', 'Plan', 'Tier'];
const AUDIENCES = [
  'research teams',
  'web applications',
  'regulated workloads',
  'data engineers',
  'internal tools',
  'public services',
  'batch pipelines',
  'startups',
  'students',
  'production systems',
];
const FEATURES = [
  'automated backups',
  'point-in-time recovery',
  'encryption at rest',
  'single sign-on',
  'autoscaling',
  'daily snapshots',
  'private networking',
  'audit logging',
  'zero-downtime upgrades',
  'geo-replication',
  'role-based access',
  'usage reports',
  'burstable performance',
  'dedicated support',
  'monitoring dashboards',
];
const REGIONS = [
  'Frankfurt',
  'Amsterdam',
  'Helsinki',
  'Paris',
  'Dublin',
  'Stockholm',
  'Warsaw',
  'Madrid',
  'Milan',
  'Zurich',
];
export const TAGS = [
  'ha',
  'backup',
  'gpu',
  'ssd',
  'nvme',
  'eu',
  'us',
  'gdpr',
  'hipaa',
  'iso27001',
  'sso',
  'kubernetes',
  'serverless',
  'open-source',
  'managed',
  'beta',
  'free-tier',
  'ipv6',
  'encryption',
  'metrics',
  'logs',
  'terraform',
  'api',
  'low-latency',
  'batch',
  'streaming',
  'arm64',
  'x86',
  'green-energy',
  'support-24x7',
];
export const VERSIONS = [
  '1.0.0',
  '1.1.0',
  '1.2.0',
  '1.3.0',
  '2.0.0',
  '2.1.0',
  '2.2.0',
  '3.0.0',
  '3.1.0',
  '4.0.0',
  '4.1.0',
  '5.0.0',
];
const ORGANIZATIONS = ['Northwind Cloud', 'Contoso Hosting', 'Helix Data Services', 'Blue Fjord Computing'];
export const ORGANIZATION_NAMES = ORGANIZATIONS;

export interface OfferingSpec {
  category: number;
  organization: number;
  name: string;
  slug: string;
  description: string;
  platform: string;
  status: string;
  tags: string[];
  type: 'allocation' | 'manual';
  versions: Array<{ version: string; status: string }>;
}

/** Every word a catalog name, description or tag may hold, for keyword queries. */
export const VOCABULARY = [
  ...new Set(
    [
      ...CATEGORIES.flatMap((c) => c.products),
      ...QUALIFIERS,
      ...SUFFIXES,
      ...AUDIENCES,
      ...FEATURES,
      ...REGIONS,
      ...TAGS,
    ]
      .join(' ')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3),
  ),
];

export function offeringSpecs(count: number, seed = 42): OfferingSpec[] {
  const r = prng(seed);
  const specs: OfferingSpec[] = [];
  for (let i = 0; i < count; i++) {
    const category = r.int(0, CATEGORIES.length - 1);
    const product = r.pick(CATEGORIES[category].products);
    const qualifier = r.pick(QUALIFIERS);
    const suffix = r.pick(SUFFIXES);
    const region = r.next() < 0.3 ? ` ${r.pick(REGIONS)}` : '';
    const name = `${qualifier} ${product}${suffix ? ` ${suffix}` : ''}${region}`;
    const [f1, f2] = r.some(FEATURES, 2, 2);
    const platform = r.pick(PLATFORMS);
    const description = `${qualifier} ${product} for ${r.pick(AUDIENCES)}, run by the provider on ${platform}. Includes ${f1} and ${f2}; hosted in ${r.pick(REGIONS)}. ${r.next() < 0.5 ? `Scales from a single node to large ${product} deployments.` : 'Billed monthly by the resources you reserve.'}`;
    const majorStart = r.int(0, VERSIONS.length - 3);
    const versions = VERSIONS.slice(majorStart, majorStart + r.int(1, 3)).map((version, k, all) => ({
      version,
      status:
        k === all.length - 1 && r.next() < 0.15
          ? 'beta'
          : k === 0 && all.length > 1 && r.next() < 0.3
            ? 'deprecated'
            : 'available',
    }));
    specs.push({
      category,
      organization: r.weighted([
        [0, 3],
        [1, 3],
        [2, 2],
        [3, 2],
      ]),
      name,
      slug: `${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')}-${i + 1}`,
      description,
      platform,
      status: r.weighted([
        ['active', 70],
        ['paused', 10],
        ['draft', 12],
        ['archived', 8],
      ]),
      tags: r.some(TAGS, 1, 4),
      type: r.next() < 0.7 ? 'allocation' : 'manual',
      versions,
    });
  }
  return specs;
}

/** Who a restricted offering of the benchmark is shown to: consumer organizations and projects, by index. */
export interface AudienceSpec {
  organizations: number[];
  projects: number[];
}

/**
 * For each of `count` offerings, its audience when it is restricted (a `fraction` of them), else
 * undefined: one to three of `consumers` organizations, and a project of another in one case out
 * of three. From a PRNG of its own, so the rest of the catalog is the same whatever the fraction.
 */
export function audienceSpecs(count: number, consumers: number, fraction: number, seed = 4242) {
  const r = prng(seed);
  const indices = Array.from({ length: consumers }, (_, i) => i);
  return Array.from({ length: count }, (): AudienceSpec | undefined => {
    const restricted = r.next() < fraction;
    const organizations = r.some(indices, 1, 3);
    const projects = r.next() < 1 / 3 ? [r.int(0, consumers - 1)] : [];
    return restricted ? { organizations, projects } : undefined;
  });
}
