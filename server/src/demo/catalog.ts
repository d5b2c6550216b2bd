/**
 * The demo catalog seeded on the first start, as plain data. It shows what a real provider
 * publishes: several offerings with priced components, plans and versioned configuration
 * schemas. `seed.ts` sends it through the public HTTP API, so the demo can never hold
 * anything the API itself would refuse.
 *
 * Property names are snake_case because HCL writes them that way (`attributes = { ... }`).
 */

export interface DemoComponent {
  type: string;
  name: string;
  measured_unit: string;
  billing_type: 'fixed' | 'usage' | 'limit' | 'one-time';
}

export interface DemoPlan {
  name: string;
  description: string;
  unit: 'month' | 'day' | 'hour' | 'one-time';
  prices: Record<string, number>;
}

export interface DemoVersion {
  version: string;
  status: 'available' | 'beta' | 'deprecated';
  changelog: string;
  deprecation_message?: string;
  replacement_version?: string;
  options_schema: JsonSchema;
}

export interface DemoOffering {
  name: string;
  slug: string;
  /** Title of one of DEMO_CATEGORIES. */
  category: string;
  /**
   * Provisioning plugin: `allocation` completes orders at once, `manual` waits for the provider,
   * `postgresql` creates a real database on the server of MERCATO_DEMO_POSTGRES_URL, `webhook` goes
   * to the demo's site agent (examples/agent, simulated backends), `terraform` applies one of
   * DEMO_MODULES with the Terraform CLI on the server; seed.ts sets their options.
   */
  type: 'manual' | 'allocation' | 'postgresql' | 'webhook' | 'terraform';
  plugin_options?: Record<string, unknown>;
  platform: 'aws' | 'azure' | 'gcp' | 'on-premises' | 'other';
  tags: string[];
  description: string;
  documentation_url: string;
  requirements: string;
  auto_approve: boolean;
  components: DemoComponent[];
  plans: DemoPlan[];
  /** A `terraform` offering has none here: its versions are made from its module's. */
  versions: DemoVersion[];
}

/** A module the demo publishes to its registry: the folder beside this file under `modules/`. */
export interface DemoModule {
  folder: string;
  namespace: string;
  name: string;
  system: string;
  version: string;
}

export type JsonSchema = { [keyword: string]: unknown };

export const DEMO_ORGANIZATION = {
  name: 'Mercato Demo Cloud',
  // The registry namespace of the provider mercato/mercato, published from here.
  slug: 'mercato',
  description: 'The service provider of the demo catalog: sample offerings to browse, order and manage as code.',
};

export const DEMO_CATEGORIES = [
  { title: 'Compute', description: 'Virtual machines and bare compute capacity.' },
  { title: 'Containers', description: 'Kubernetes and OpenShift clusters.' },
  { title: 'Databases', description: 'Managed relational and in-memory databases.' },
  { title: 'Messaging', description: 'Event streaming and message queues.' },
  { title: 'Storage', description: 'Object, block and file storage.' },
  { title: 'Observability', description: 'Metrics, logs, traces and alerting.' },
];

const DOCS = 'https://docs.mercato.example';

// Shared building blocks of the configuration schemas.

const INSTANCE_TYPE = {
  type: 'string',
  description: 'Shape of the machine: balanced, CPU-heavy or memory-heavy.',
  enum: ['general-purpose', 'compute-optimized', 'memory-optimized'],
  default: 'general-purpose',
};

const CRON = {
  type: 'string',
  description: 'When to run, as a cron expression (minute hour day month weekday), in UTC.',
  pattern: '^(\\S+\\s+){4}\\S+$',
  default: '0 2 * * *',
};

const RETENTION_DAYS = {
  type: 'integer',
  description: 'Days a backup is kept before it is deleted.',
  minimum: 1,
  maximum: 365,
  default: 7,
};

// Virtual Machine

const VM_V1_PROPERTIES = {
  instance_type: INSTANCE_TYPE,
  image: {
    type: 'string',
    description: 'Operating system image to boot.',
    enum: ['ubuntu-24.04', 'ubuntu-22.04', 'debian-12', 'rhel-9', 'windows-server-2022'],
    default: 'ubuntu-24.04',
  },
  cloud_init: {
    type: 'string',
    description: 'User data passed to cloud-init on the first boot (a #cloud-config document or a script).',
    maxLength: 16384,
  },
  networking: {
    type: 'string',
    description: 'Whether the machine gets a public IP address or only a private one.',
    enum: ['public', 'private'],
    default: 'private',
  },
  ssh_public_key: {
    type: 'string',
    description: 'OpenSSH public key authorized for the default user.',
    pattern: '^(ssh-(rsa|ed25519)|ecdsa-sha2-nistp(256|384|521)) ',
  },
};

const VIRTUAL_MACHINE: DemoOffering = {
  name: 'Virtual Machine',
  slug: 'virtual-machine',
  category: 'Compute',
  type: 'webhook',
  platform: 'on-premises',
  tags: ['vm', 'linux', 'windows', 'iaas'],
  description:
    'A virtual machine in the Mercato Demo Cloud data centre, with a choice of image, shape and network exposure, configured at first boot by cloud-init. Demo: provisioned by the example site agent on a simulated backend, which reports a host name, addresses and a root password but creates no machine.',
  documentation_url: `${DOCS}/compute/virtual-machine`,
  requirements: 'An SSH public key to log in. Public networking requires an approved security review for the project.',
  auto_approve: false,
  components: [
    { type: 'cpu', name: 'vCPU', measured_unit: 'core', billing_type: 'limit' },
    { type: 'ram', name: 'Memory', measured_unit: 'GB', billing_type: 'limit' },
    { type: 'storage', name: 'System disk', measured_unit: 'GB', billing_type: 'limit' },
    { type: 'public_ip', name: 'Public IP address', measured_unit: 'address', billing_type: 'fixed' },
  ],
  plans: [
    {
      name: 'small',
      description: '2 vCPU, 4 GB memory, 50 GB disk.',
      unit: 'month',
      prices: { cpu: 8, ram: 2, storage: 0.05, public_ip: 3 },
    },
    {
      name: 'medium',
      description: '4 vCPU, 16 GB memory, 100 GB disk.',
      unit: 'month',
      prices: { cpu: 7.5, ram: 1.8, storage: 0.05, public_ip: 3 },
    },
    {
      name: 'large',
      description: '16 vCPU, 64 GB memory, 500 GB disk; volume discount.',
      unit: 'month',
      prices: { cpu: 6.5, ram: 1.5, storage: 0.04, public_ip: 3 },
    },
  ],
  versions: [
    {
      version: '1.0.0',
      status: 'available',
      changelog: 'First release: instance types, images, cloud-init, public or private networking, SSH key.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['instance_type', 'image', 'ssh_public_key'],
        properties: VM_V1_PROPERTIES,
      },
    },
    {
      version: '2.0.0',
      status: 'beta',
      changelog: 'Adds `disk_size_gb` to size the system disk; `networking` now defaults to private explicitly.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['instance_type', 'image', 'ssh_public_key'],
        properties: {
          ...VM_V1_PROPERTIES,
          disk_size_gb: {
            type: 'integer',
            description: 'Size of the system disk in GB.',
            minimum: 20,
            maximum: 2048,
            default: 50,
          },
        },
      },
    },
  ],
};

// OpenShift Hosted Cluster

const NODE_POOL = {
  type: 'object',
  description: 'A group of identical worker nodes.',
  additionalProperties: false,
  required: ['name', 'instance_type', 'replicas'],
  properties: {
    name: {
      type: 'string',
      description: 'Name of the pool, unique in the cluster.',
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      maxLength: 40,
    },
    instance_type: INSTANCE_TYPE,
    replicas: {
      type: 'integer',
      description: 'Number of nodes when autoscaling is off.',
      minimum: 1,
      maximum: 100,
      default: 3,
    },
    autoscaling: {
      type: 'object',
      description: 'Let the cluster add and remove nodes between two bounds.',
      additionalProperties: false,
      required: ['min_replicas', 'max_replicas'],
      properties: {
        min_replicas: { type: 'integer', description: 'Fewest nodes kept.', minimum: 1, maximum: 100, default: 2 },
        max_replicas: { type: 'integer', description: 'Most nodes allowed.', minimum: 1, maximum: 100, default: 6 },
      },
    },
  },
};

const OPENSHIFT: DemoOffering = {
  name: 'OpenShift Hosted Cluster',
  slug: 'openshift-hosted-cluster',
  category: 'Containers',
  type: 'webhook',
  platform: 'aws',
  tags: ['kubernetes', 'openshift', 'containers', 'paas'],
  description:
    'A Red Hat OpenShift cluster with a hosted control plane: choose the version and worker node pools with autoscaling; etcd is backed up on a schedule. Demo: provisioned by the example site agent on a simulated backend, which reports API and console URLs and a kubeadmin password but creates no cluster.',
  documentation_url: `${DOCS}/containers/openshift-hosted-cluster`,
  requirements:
    'A Red Hat pull secret registered with the provider. Clusters are built by the site agent of the platform team.',
  auto_approve: false,
  components: [
    { type: 'control_plane', name: 'Hosted control plane', measured_unit: 'cluster', billing_type: 'fixed' },
    { type: 'worker_vcpu', name: 'Worker vCPU', measured_unit: 'core-hour', billing_type: 'usage' },
    { type: 'setup', name: 'Cluster setup', measured_unit: 'cluster', billing_type: 'one-time' },
  ],
  plans: [
    {
      name: 'development',
      description: 'For test clusters: no SLA.',
      unit: 'month',
      prices: { control_plane: 150, worker_vcpu: 0.04, setup: 0 },
    },
    {
      name: 'production',
      description: '99.95% control plane SLA and 24/7 support.',
      unit: 'month',
      prices: { control_plane: 450, worker_vcpu: 0.035, setup: 500 },
    },
  ],
  versions: [
    {
      version: '4.15.0',
      status: 'available',
      changelog: 'OpenShift 4.14 and 4.15 with node pools, autoscaling and scheduled etcd backups.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['openshift_version', 'node_pools'],
        properties: {
          openshift_version: {
            type: 'string',
            description: 'OpenShift minor release of the cluster.',
            enum: ['4.14', '4.15'],
            default: '4.15',
          },
          node_pools: {
            type: 'array',
            description: 'Worker node pools; at least one.',
            minItems: 1,
            maxItems: 10,
            items: NODE_POOL,
          },
          etcd_backup: {
            type: 'object',
            description: 'Scheduled backups of the cluster state (etcd).',
            additionalProperties: false,
            required: ['schedule'],
            properties: { schedule: CRON, retention_days: RETENTION_DAYS },
          },
        },
      },
    },
  ],
};

// PostgreSQL

const POSTGRES_VERSION_SCHEMA = (versions: string[], defaultVersion: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['postgres_version', 'database_name'],
  properties: {
    postgres_version: {
      type: 'string',
      description: 'Major PostgreSQL release.',
      enum: versions,
      default: defaultVersion,
    },
    database_name: {
      type: 'string',
      description:
        'Name of the database, owned by its own login role of the same name; a short unique suffix is added (the `database` output says the whole name).',
      pattern: '^[a-z_][a-z0-9_]*$',
      maxLength: 63,
    },
    connection_limit: {
      type: 'integer',
      description: 'Most connections open at once to the database (and of its role); -1 for no limit. Can be updated.',
      minimum: -1,
      maximum: 1000,
      default: 20,
    },
    admin_password: {
      type: 'string',
      description:
        "Kept for compatibility, not used: the role's password is generated and returned in the `password` secret output. Write-only: never returned once set.",
      writeOnly: true,
      format: 'password',
      minLength: 12,
      maxLength: 128,
    },
    storage_gb: { type: 'integer', description: 'Allocated storage in GB.', minimum: 10, maximum: 4096, default: 20 },
    high_availability: {
      type: 'boolean',
      description: 'Keep a synchronous standby in another zone with automatic failover.',
      default: false,
    },
    backup: {
      type: 'object',
      description: 'Daily base backups with point-in-time recovery.',
      additionalProperties: false,
      properties: { schedule: CRON, retention_days: RETENTION_DAYS },
    },
    extensions: {
      type: 'array',
      description: 'Extensions created in the database.',
      uniqueItems: true,
      items: { type: 'string', enum: ['pgcrypto', 'postgis', 'pg_stat_statements', 'uuid-ossp', 'pgvector'] },
      default: [],
    },
  },
});

const POSTGRESQL: DemoOffering = {
  name: 'PostgreSQL',
  slug: 'postgresql',
  category: 'Databases',
  type: 'postgresql',
  plugin_options: { database_name_attribute: 'database_name', connection_limit_default: 20 },
  platform: 'gcp',
  tags: ['database', 'sql', 'postgres', 'relational'],
  description:
    'A PostgreSQL database and its own login role on the demo PostgreSQL server: host, port, database and username in the outputs, the password in the secret outputs. The connection limit can be changed by an update; pause refuses connections until resume. The release, storage, high-availability, backup and extension settings are recorded, not applied: the demo server is one PostgreSQL cluster.',
  documentation_url: `${DOCS}/databases/postgresql`,
  requirements: 'A PostgreSQL client; connection details are returned in the resource outputs.',
  auto_approve: true,
  components: [
    { type: 'vcpu', name: 'vCPU', measured_unit: 'core', billing_type: 'fixed' },
    { type: 'storage', name: 'Storage', measured_unit: 'GB', billing_type: 'limit' },
    { type: 'backup_storage', name: 'Backup storage', measured_unit: 'GB', billing_type: 'usage' },
  ],
  plans: [
    {
      name: 'db-small',
      description: '2 vCPU, 8 GB memory.',
      unit: 'month',
      prices: { vcpu: 30, storage: 0.17, backup_storage: 0.08 },
    },
    {
      name: 'db-large',
      description: '8 vCPU, 32 GB memory.',
      unit: 'month',
      prices: { vcpu: 26, storage: 0.17, backup_storage: 0.08 },
    },
  ],
  versions: [
    {
      version: '1.0.0',
      status: 'deprecated',
      changelog: 'PostgreSQL 14 and 15.',
      deprecation_message: 'PostgreSQL 14 leaves community support; order 2.0.0 for PostgreSQL 16 and 17.',
      replacement_version: '2.0.0',
      options_schema: POSTGRES_VERSION_SCHEMA(['14', '15'], '15'),
    },
    {
      version: '2.0.0',
      status: 'available',
      changelog: 'PostgreSQL 16 and 17; adds the pgvector extension.',
      options_schema: POSTGRES_VERSION_SCHEMA(['16', '17'], '17'),
    },
  ],
};

// Redis

const REDIS: DemoOffering = {
  name: 'Redis',
  slug: 'redis',
  category: 'Databases',
  type: 'allocation',
  platform: 'azure',
  tags: ['cache', 'in-memory', 'key-value', 'redis'],
  description:
    'A managed Redis cache, standalone or replicated, with a choice of eviction policy and optional persistence.',
  documentation_url: `${DOCS}/databases/redis`,
  requirements: 'None.',
  auto_approve: true,
  components: [
    { type: 'memory', name: 'Memory', measured_unit: 'GB', billing_type: 'limit' },
    { type: 'replica', name: 'Replica', measured_unit: 'node', billing_type: 'fixed' },
  ],
  plans: [
    { name: 'cache-basic', description: 'One node, no replica.', unit: 'month', prices: { memory: 12, replica: 0 } },
    {
      name: 'cache-standard',
      description: 'Primary and replica with automatic failover.',
      unit: 'month',
      prices: { memory: 12, replica: 25 },
    },
  ],
  versions: [
    {
      version: '7.2.0',
      status: 'available',
      changelog: 'Redis 7.2.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['memory_gb'],
        properties: {
          memory_gb: {
            type: 'integer',
            description: 'Memory of each node in GB.',
            minimum: 1,
            maximum: 256,
            default: 1,
          },
          replicas: {
            type: 'integer',
            description: 'Read replicas beside the primary.',
            minimum: 0,
            maximum: 5,
            default: 0,
          },
          eviction_policy: {
            type: 'string',
            description: 'What Redis removes when memory is full.',
            enum: ['noeviction', 'allkeys-lru', 'volatile-lru', 'allkeys-lfu', 'volatile-ttl'],
            default: 'allkeys-lru',
          },
          persistence: {
            type: 'string',
            description: 'How data survives a restart: none, snapshots (RDB) or append-only file (AOF).',
            enum: ['none', 'rdb', 'aof'],
            default: 'rdb',
          },
          tls_enabled: { type: 'boolean', description: 'Accept only TLS connections.', default: true },
        },
      },
    },
  ],
};

// Kafka

const KAFKA: DemoOffering = {
  name: 'Kafka',
  slug: 'kafka',
  category: 'Messaging',
  type: 'allocation',
  platform: 'aws',
  tags: ['kafka', 'streaming', 'events', 'messaging'],
  description: 'A topic on the shared Apache Kafka cluster with its partitions, retention and access credentials.',
  documentation_url: `${DOCS}/messaging/kafka`,
  requirements: 'Clients must speak SASL/SCRAM over TLS.',
  auto_approve: true,
  components: [
    { type: 'partition', name: 'Partition', measured_unit: 'partition', billing_type: 'limit' },
    { type: 'throughput', name: 'Ingress traffic', measured_unit: 'GB', billing_type: 'usage' },
    { type: 'retained_storage', name: 'Retained data', measured_unit: 'GB', billing_type: 'usage' },
  ],
  plans: [
    {
      name: 'standard',
      description: 'Shared brokers, up to 12 partitions.',
      unit: 'month',
      prices: { partition: 1.5, throughput: 0.05, retained_storage: 0.1 },
    },
    {
      name: 'dedicated',
      description: 'Dedicated broker capacity for heavy topics.',
      unit: 'month',
      prices: { partition: 4, throughput: 0.03, retained_storage: 0.1 },
    },
  ],
  versions: [
    {
      version: '3.7.0',
      status: 'available',
      changelog: 'Kafka 3.7: topic, partitions, retention, cleanup policy.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['topic_name', 'partitions'],
        properties: {
          topic_name: {
            type: 'string',
            description: 'Name of the topic.',
            pattern: '^[a-zA-Z0-9._-]+$',
            maxLength: 249,
          },
          partitions: {
            type: 'integer',
            description: 'Number of partitions: the most consumers of a group that can read in parallel.',
            minimum: 1,
            maximum: 120,
            default: 3,
          },
          replication_factor: {
            type: 'integer',
            description: 'Copies of each partition on different brokers.',
            minimum: 1,
            maximum: 3,
            default: 3,
          },
          retention_hours: {
            type: 'integer',
            description: 'Hours a message is kept; -1 keeps it forever.',
            minimum: -1,
            maximum: 8760,
            default: 168,
          },
          cleanup_policy: {
            type: 'string',
            description: 'Delete old messages, or keep the latest per key (compact).',
            enum: ['delete', 'compact'],
            default: 'delete',
          },
        },
      },
    },
  ],
};

// S3-compatible bucket

const S3_BUCKET: DemoOffering = {
  name: 'S3-compatible Bucket',
  slug: 's3-bucket',
  category: 'Storage',
  type: 'allocation',
  platform: 'on-premises',
  tags: ['s3', 'object-storage', 'bucket', 'storage'],
  description: 'A bucket on the S3-compatible object store, with versioning, lifecycle expiry and access keys.',
  documentation_url: `${DOCS}/storage/s3-bucket`,
  requirements: 'Any S3 client with path-style addressing.',
  auto_approve: true,
  components: [
    { type: 'storage', name: 'Stored data', measured_unit: 'GB', billing_type: 'usage' },
    { type: 'egress', name: 'Outbound traffic', measured_unit: 'GB', billing_type: 'usage' },
    { type: 'quota', name: 'Quota', measured_unit: 'GB', billing_type: 'limit' },
  ],
  plans: [
    {
      name: 'standard',
      description: 'Replicated in two data centres.',
      unit: 'month',
      prices: { storage: 0.02, egress: 0.01, quota: 0 },
    },
    {
      name: 'archive',
      description: 'Cheaper storage for data rarely read.',
      unit: 'month',
      prices: { storage: 0.004, egress: 0.05, quota: 0 },
    },
  ],
  versions: [
    {
      version: '1.0.0',
      status: 'available',
      changelog: 'Buckets with versioning, expiry and access policies.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['bucket_name'],
        properties: {
          bucket_name: {
            type: 'string',
            description: 'Globally unique bucket name (DNS-compatible).',
            pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
          },
          versioning: { type: 'boolean', description: 'Keep every version of every object.', default: false },
          access: {
            type: 'string',
            description: 'Who may read objects without credentials.',
            enum: ['private', 'public-read'],
            default: 'private',
          },
          expiration_days: {
            type: 'integer',
            description: 'Delete objects older than this; 0 keeps them.',
            minimum: 0,
            maximum: 3650,
            default: 0,
          },
          quota_gb: {
            type: 'integer',
            description: 'Most data the bucket may hold, in GB.',
            minimum: 1,
            maximum: 102400,
            default: 100,
          },
        },
      },
    },
  ],
};

// Monitoring stack

const MONITORING: DemoOffering = {
  name: 'Monitoring Stack',
  slug: 'monitoring-stack',
  category: 'Observability',
  type: 'allocation',
  platform: 'other',
  tags: ['prometheus', 'grafana', 'alerting', 'metrics'],
  description: 'Prometheus, Alertmanager and Grafana for a project: scrape targets, retention and where alerts go.',
  documentation_url: `${DOCS}/observability/monitoring-stack`,
  requirements: 'Scrape targets must be reachable from the monitoring network.',
  auto_approve: true,
  components: [
    { type: 'series', name: 'Active series', measured_unit: 'thousand series', billing_type: 'usage' },
    { type: 'retention_storage', name: 'Metrics storage', measured_unit: 'GB', billing_type: 'limit' },
    { type: 'dashboard_seat', name: 'Grafana editor', measured_unit: 'seat', billing_type: 'fixed' },
  ],
  plans: [
    {
      name: 'team',
      description: 'Up to 100k series, 15 days of retention.',
      unit: 'month',
      prices: { series: 0.5, retention_storage: 0.1, dashboard_seat: 5 },
    },
    {
      name: 'enterprise',
      description: 'Long retention and single sign-on for Grafana.',
      unit: 'month',
      prices: { series: 0.4, retention_storage: 0.08, dashboard_seat: 9 },
    },
  ],
  versions: [
    {
      version: '1.0.0',
      status: 'available',
      changelog: 'Prometheus 2, Alertmanager and Grafana 10.',
      options_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['retention_days'],
        properties: {
          retention_days: {
            type: 'integer',
            description: 'Days metrics are kept.',
            minimum: 1,
            maximum: 400,
            default: 15,
          },
          scrape_interval_seconds: {
            type: 'integer',
            description: 'Seconds between two scrapes of a target.',
            minimum: 5,
            maximum: 300,
            default: 30,
          },
          scrape_targets: {
            type: 'array',
            description: 'Endpoints to scrape, as host:port.',
            items: { type: 'string', pattern: '^[^\\s:]+:\\d{1,5}$' },
            maxItems: 500,
            default: [],
          },
          alert_email: { type: 'string', description: 'Where Alertmanager sends alerts.', format: 'email' },
          grafana_admin_group: {
            type: 'string',
            description: 'Identity-provider group whose members administer Grafana.',
            default: 'monitoring-admins',
          },
        },
      },
    },
  ],
};

/** examples/modules: the module published, offered as `web-service`, and ordered from HCL there. */
export const DEMO_MODULES: DemoModule[] = [
  { folder: 'web-service', namespace: DEMO_ORGANIZATION.slug, name: 'web-service', system: 'demo', version: '1.0.0' },
];

const WEB_SERVICE: DemoOffering = {
  name: 'Web Service',
  slug: 'web-service',
  category: 'Compute',
  type: 'terraform',
  plugin_options: { module: `${DEMO_ORGANIZATION.slug}/web-service/demo` },
  platform: 'other',
  tags: ['web', 'load-balancer', 'terraform-module'],
  description:
    'A load-balanced web service made by a Terraform module from this registry (mercato/web-service/demo), applied on the server with the Terraform CLI: its inputs are the configuration, its outputs the resource outputs. Needs `terraform` on the server (MERCATO_TERRAFORM_BIN).',
  documentation_url: `${DOCS}/compute/web-service`,
  requirements: 'None: the module stands in for cloud resources with terraform_data.',
  auto_approve: true,
  components: [{ type: 'instance', name: 'Instance', measured_unit: 'instance', billing_type: 'fixed' }],
  plans: [{ name: 'standard', description: 'Instances of any size.', unit: 'month', prices: { instance: 12 } }],
  versions: [],
};

export const DEMO_OFFERINGS: DemoOffering[] = [
  VIRTUAL_MACHINE,
  OPENSHIFT,
  POSTGRESQL,
  REDIS,
  KAFKA,
  S3_BUCKET,
  MONITORING,
  WEB_SERVICE,
];
