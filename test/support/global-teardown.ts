export default async function globalTeardown() {
  const cluster = (globalThis as { mercatoPostgres?: { stop(): void } }).mercatoPostgres;
  cluster?.stop();
}
