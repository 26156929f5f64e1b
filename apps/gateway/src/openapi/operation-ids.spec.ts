import { describe, expect, it } from '@jest/globals';
import { operationIdOf, operationIdProblems } from './operation-ids.js';

describe('operationIdOf', () => {
  it.each([
    ['AppsController', 'create', 'createApp'],
    ['AppsController', 'list', 'listApps'],
    ['ApiKeysController', 'remove', 'deleteApiKey'],
    ['DeliveriesController', 'get', 'getDelivery'],
    ['BridgesController', 'update', 'updateBridge'],
    ['MigrationsController', 'create', 'createMigration'],
  ])('names %s.%s %s', (controller, method, id) => {
    expect(operationIdOf(controller, method)).toBe(id);
  });

  it('leaves any other method unreadable, for the check to catch', () => {
    expect(operationIdOf('MigrationsController', 'cancel')).toBe('Migrations_cancel');
  });
});

describe('operationIdProblems', () => {
  it('names each route without a readable, unique id', () => {
    expect(
      operationIdProblems({
        '/v1/apps': { get: { operationId: 'listApps' }, post: {} },
        '/v1/migrations/{id}/cancel': { post: { operationId: 'Migrations_cancel' } },
        '/v1/other': { get: { operationId: 'listApps' } },
      }),
    ).toEqual([
      'POST /v1/apps: no operationId',
      'POST /v1/migrations/{id}/cancel: operationId "Migrations_cancel" does not read as verbNoun; set @ApiOperation({ operationId })',
      'GET /v1/other: operationId "listApps" repeats GET /v1/apps',
    ]);
  });
});
