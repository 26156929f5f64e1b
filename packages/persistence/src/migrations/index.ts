import { InitialSchema1732300000000 } from './1732300000000-initial-schema.js';
import { Bridges1763900000000 } from './1763900000000-bridges.js';
import { TraceParent1765000000000 } from './1765000000000-trace-parent.js';
import { Destinations1765300000000 } from './1765300000000-destinations.js';
import { MigrationJobs1766000000000 } from './1766000000000-migration-jobs.js';
import { AppSettings1766100000000 } from './1766100000000-app-settings.js';
import { BeforePolicies1766200000000 } from './1766200000000-before-policies.js';
import { Reconciliation1766300000000 } from './1766300000000-reconciliation.js';
import { EventListIndexes1766400000000 } from './1766400000000-event-list-indexes.js';
import { MigrationItemCounts1766500000000 } from './1766500000000-migration-item-counts.js';

/** Every migration, oldest first. Listed by hand: ESM builds cannot rely on TypeORM's file globs. */
export const MIGRATIONS = [
  InitialSchema1732300000000,
  Bridges1763900000000,
  TraceParent1765000000000,
  Destinations1765300000000,
  MigrationJobs1766000000000,
  AppSettings1766100000000,
  BeforePolicies1766200000000,
  Reconciliation1766300000000,
  EventListIndexes1766400000000,
  MigrationItemCounts1766500000000,
];
