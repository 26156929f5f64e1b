import { InitialSchema1732300000000 } from './1732300000000-initial-schema.js';

/** Every migration, oldest first. Listed by hand: ESM builds cannot rely on TypeORM's file globs. */
export const MIGRATIONS = [InitialSchema1732300000000];
