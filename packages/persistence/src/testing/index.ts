export { createTestDatabase, type TestDatabase } from './test-database.js';
export { insertTestBridge } from './test-bridge.js';
