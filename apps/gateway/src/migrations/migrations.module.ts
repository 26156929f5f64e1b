import { Module } from '@nestjs/common';
import { IdMapper } from '../bridges/mappings/id-mapper.js';
import { MessagesModule } from '../messages/messages.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { MigrationImportStep } from './migration-importer.step.js';
import { MigrationPairs } from './migration-pairs.js';
import { MigrationReadStep } from './migration-reader.step.js';
import { MigrationRunner } from './migration.runner.js';
import { MigrationsController } from './migrations.controller.js';
import { MigrationsService } from './migrations.service.js';

/**
 * Migration jobs: moving a bridge's existing directory and history from one app to the other, planned from
 * both providers' declared capabilities, run by a leased worker loop in every gateway process, and
 * coordinated with the live relay through the message-id map and the relay gate (bridges/relay).
 * `IdMapper` is the bridges' own lookup over the id tables, provided here too (it holds no state).
 */
@Module({
  imports: [TenancyModule, MessagesModule],
  controllers: [MigrationsController],
  providers: [
    MigrationsService,
    MigrationRunner,
    MigrationReadStep,
    MigrationImportStep,
    MigrationPairs,
    IdMapper,
  ],
})
export class MigrationsModule {}
