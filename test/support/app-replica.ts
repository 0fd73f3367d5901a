/**
 * A web-app replica for the store tests: the app on its own connection to the application database,
 * listening on 127.0.0.1. Two replicas on one database are two web-app processes behind a load
 * balancer; the engine is not asked here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  openAppDatabase,
  type AppDatabase,
  type DatabaseLocation,
  type OpenOptions,
} from '../../adapters/db/connect';
import { defaultLegalClock } from '../../domain/legal-clock';
import { createApplicationStore } from '../../intake/store';
import { createApp, type AppDeps } from '../../ui/app';
import { createSessionStore } from '../../ui/auth/sessions';

export interface AppReplica {
  /** `http://127.0.0.1:port` */
  url: string;
  database: AppDatabase;
  /** Stops listening and closes its connection; a second call does nothing. */
  close(): Promise<void>;
}

/**
 * Opens the database at `location` and serves the app on it: applications and sessions in that
 * database, sessions idle for 30 minutes at most and 10 hours in all. `deps` adds to or replaces
 * those (it is given the replica's connection, for repositories on it).
 */
export async function appReplica(
  location: DatabaseLocation,
  deps: (database: AppDatabase) => Partial<AppDeps> & Pick<AppDeps, 'clock' | 'sessionSecret'>,
  options?: OpenOptions,
): Promise<AppReplica> {
  const database = openAppDatabase(location, options);
  await database.ready();
  const server = createServer(
    createApp({
      camunda: {} as never,
      store: createApplicationStore(database),
      legalClock: defaultLegalClock,
      sessionStore: createSessionStore(database),
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 10 * 3600_000,
      repoDir: process.cwd(),
      ...deps(database),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    database,
    close: () =>
      (closed ??= (async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await database.close();
      })()),
  };
}
