import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ensureLocalCertificates, hostsToCertify, type TlsCertificate } from './local-certificates';

export interface HttpsSettings {
  /** 0 picks a free port. */
  port: number;
  host: string;
  dataDir: string;
  /** PEM files the operator supplies (MERCATO_TLS_CERT / MERCATO_TLS_KEY); both or neither. */
  certFile?: string;
  keyFile?: string;
}

export interface HttpsAddress {
  /** e.g. `https://127.0.0.1:8443` */
  url: string;
  port: number;
  /** The local authority's certificate clients must trust; undefined with the operator's certificate. */
  caFile?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the HTTPS listener is, once the app is ready; undefined when it has none. */
    httpsAddress?: HttpsAddress;
  }
}

/**
 * Serves the app's routes over HTTPS too, on a second port: Terraform talks to registries over
 * HTTPS only. Requests go to the same Fastify instance (`app.routing`), so hooks, authentication
 * and errors are the same on both ports. The certificate is read (or made) now, so a bad one
 * stops the build; the port is opened when the app gets ready, so a taken port stops `listen`,
 * and it closes with the app. Throws when the operator's certificate files cannot be read.
 */
export function addHttpsListener(app: FastifyInstance, settings: HttpsSettings): void {
  const { certificate, caFile } = tlsCertificate(settings);
  const server = https.createServer(certificate, (request, response) => app.routing(request, response));
  app.decorate('httpsAddress', undefined);
  app.addHook('onReady', async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const host = ['0.0.0.0', '::'].includes(settings.host) ? '127.0.0.1' : settings.host;
    app.httpsAddress = { url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`, port, caFile };
  });
  app.addHook('onClose', async () => {
    if (!server.listening) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
}

function tlsCertificate(settings: HttpsSettings): { certificate: TlsCertificate; caFile?: string } {
  if (settings.certFile || settings.keyFile) {
    if (!settings.certFile || !settings.keyFile)
      throw new Error('MERCATO_TLS_CERT and MERCATO_TLS_KEY go together: set both or neither');
    return {
      certificate: {
        cert: readPem(settings.certFile, 'MERCATO_TLS_CERT'),
        key: readPem(settings.keyFile, 'MERCATO_TLS_KEY'),
      },
    };
  }
  const local = ensureLocalCertificates(settings.dataDir, hostsToCertify(settings.host));
  return { certificate: local, caFile: local.caFile };
}

function readPem(file: string, variable: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
}
