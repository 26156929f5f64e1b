export { createTestDatabase, type TestDatabase } from './test-database.js';
export { insertTestBridge } from './test-bridge.js';
export { testMigrationJob } from './test-migration-job.js';
