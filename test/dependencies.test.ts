/**
 * What the root package.json promises about Node holds for everything installed with it. npm
 * only warns (EBADENGINE), and only about the Node that runs the install, so a dependency that
 * needs a newer Node than we promise slips in unnoticed: cookie@2 (Node >= 22) came in through
 * fastify -> light-my-request while we promised Node 20.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import semver from 'semver';

const REPO = join(__dirname, '..');

interface LockEntry {
  version?: string;
  engines?: Record<string, string> | string[];
}

const readJson = (file: string) => JSON.parse(readFileSync(join(REPO, file), 'utf8'));
const promised: string = readJson('package.json').engines.node;

/** Packages of the lock file (what `npm ci` installs, for every platform) whose `engines.node` leaves out a promised version. */
function packagesExcludingPromisedNode(): string[] {
  const packages = readJson('package-lock.json').packages as Record<string, LockEntry>;
  return Object.entries(packages).flatMap(([path, entry]) => {
    const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (!wanted || !path) return [];
    const covered = semver.validRange(wanted) !== null && semver.subset(promised, wanted);
    return covered ? [] : [`${path}@${entry.version} wants node ${wanted}`];
  });
}

test('the Node versions the root package.json promises are a valid range that includes the one running the tests', () => {
  expect(semver.validRange(promised)).not.toBeNull();
  expect(semver.satisfies(process.version, promised)).toBe(true);
});

test('every installed package supports every Node version the root package.json promises', () => {
  expect(packagesExcludingPromisedNode()).toEqual([]);
});

test("fastify's inject (light-my-request, with the cookie package it is given) sends a request's cookies", async () => {
  const app = Fastify();
  app.get('/', async (request) => ({ cookie: request.headers.cookie }));
  const response = await app.inject({ method: 'GET', url: '/', cookies: { session: 'a b;c', theme: 'dark' } });
  expect(response.json()).toEqual({ cookie: 'session=a%20b%3Bc; theme=dark' });
  await app.close();
});
