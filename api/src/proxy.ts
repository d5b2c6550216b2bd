import { SettingError } from './settings';

/**
 * Which proxy a request goes through, chosen here rather than by axios so that an error can
 * name the proxy the request really used. The same variables and rules as axios 1.x (its
 * proxy-from-env, then its own NO_PROXY check): `<scheme>_proxy` then `<SCHEME>_PROXY`, then
 * `all_proxy` / `ALL_PROXY`; none when `no_proxy` / `NO_PROXY` excludes the host. A NO_PROXY
 * entry is `*`, a host (`example.com`, `127.0.0.1`; localhost, 127.x and ::1 stand for each
 * other), a host with a port (`example.com:8080`), a domain (`.example.com`, `*.example.com`) or
 * an IPv4 range (`10.0.0.0/8`).
 */
export interface ProxyChoice {
  /** The proxy's URL, credentials included (for the request; print it with `withoutCredentials`). */
  url: URL;
  /** The variable that named it, e.g. `HTTPS_PROXY`. */
  variable: string;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * The proxy for requests to `target` (an http:// or https:// URL) under `env`, or undefined for
 * none. Throws a SettingError naming the variable when the proxy it names is not a URL.
 */
export function proxyFor(target: string, env: NodeJS.ProcessEnv = process.env): ProxyChoice | undefined {
  const url = new URL(target);
  if (excluded(url, env.no_proxy || env.NO_PROXY || '')) return undefined;
  const scheme = url.protocol.slice(0, -1);
  const variable = [`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`, 'all_proxy', 'ALL_PROXY'].find((name) =>
    env[name]?.trim(),
  );
  if (!variable) return undefined;
  const value = env[variable]!.trim();
  try {
    // As proxy-from-env: a proxy without a scheme has the target's.
    return { url: new URL(value.includes('://') ? value : `${scheme}://${value}`), variable };
  } catch {
    throw new SettingError(variable, value, 'is not a URL: expected a proxy such as http://proxy.example.com:3128');
  }
}

/** Whether a NO_PROXY list excludes the URL's host. */
function excluded(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  return noProxy
    .toLowerCase()
    .split(/[\s,]+/)
    .some((entry) => entry !== '' && entryMatches(entry, host, port));
}

function entryMatches(entry: string, host: string, port: number): boolean {
  if (entry === '*') return true;
  if (entry.includes('/')) return inIpv4Range(host, entry);
  const [name, entryPort] = splitPort(entry);
  if (entryPort && entryPort !== port) return false;
  if (name.startsWith('*') || name.startsWith('.')) return host.endsWith(name.replace(/^\*/, ''));
  return host === name || (isLoopback(host) && isLoopback(name));
}

/** `host:port`, `[v6]:port` or a host alone (port 0). */
function splitPort(entry: string): [string, number] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1], Number(bracketed[2] ?? 0)];
  const hostPort = /^([^:]+):(\d+)$/.exec(entry);
  return hostPort ? [hostPort[1], Number(hostPort[2])] : [entry, 0];
}

function isLoopback(host: string): boolean {
  return ['localhost', '0.0.0.0', '::1', '::'].includes(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether an IPv4 address is in a range `a.b.c.d/n` (false for anything else). */
function inIpv4Range(host: string, range: string): boolean {
  const [base, bits] = range.split('/');
  const address = ipv4(host);
  const network = ipv4(base);
  const prefix = Number(bits);
  if (address === undefined || network === undefined || !/^\d+$/.test(bits) || prefix > 32) return false;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return (address & mask) >>> 0 === (network & mask) >>> 0;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}
