/**
 * vitest globalSetup: gives every test file a MongoDB wire-protocol server as
 * `inject('mongodbUri')` (and MONGODB_URI for child processes).
 *
 * - MONGODB_URI set: used as it is (any MongoDB, Atlas, Cosmos DB, FerretDB).
 * - unset: starts FerretDB 1.24.2 for this run (building it once with Go if needed) and stops it,
 *   removing its data, at the end. Without MONGODB_URI and without Go it fails, saying what to do:
 *   the storage tests are never skipped silently.
 */
import type { TestProject } from 'vitest/node';
import { findOrBuildFerretDb } from './ferretdb-binary';
import { startFerretDb } from './ferretdb-server';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const configured = process.env.MONGODB_URI;
  if (configured) {
    project.provide('mongodbUri', configured);
    return undefined;
  }
  const server = await startFerretDb(await findOrBuildFerretDb());
  project.provide('mongodbUri', server.uri);
  process.env.MONGODB_URI = server.uri;
  return async () => {
    delete process.env.MONGODB_URI;
    await server.stop();
  };
}
