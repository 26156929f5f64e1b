import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ApiKeyEntity, AppEntity, newId, nowIso, Transactor } from '@im-gateway/persistence';
import { ImGatewayError } from '@im-gateway/types';
import type { ApiKeyCreatedResponseDto, ApiKeyListResponseDto, ApiKeyResponseDto } from './api-key.dto.js';

const KEY_PREFIX = 'imgw_k_';
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * App-scoped API keys. A key is 32 random bytes, so a plain SHA-256 is enough to store it (a slow
 * password hash protects low-entropy secrets; it would only slow every request down here).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @InjectRepository(AppEntity) private readonly apps: Repository<AppEntity>,
    private readonly transactor: Transactor,
  ) {}

  async create(appId: string, name: string): Promise<ApiKeyCreatedResponseDto> {
    if (!(await this.apps.existsBy({ id: appId }))) throw new ImGatewayError('not_found', `No app ${appId}.`);
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = Object.assign(new ApiKeyEntity(), {
      id: newId(),
      appId,
      name,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      keyHash: hashApiKey(key),
      createdAt: nowIso(),
      lastUsedAt: null,
    });
    await this.transactor.write((m) => m.insert(ApiKeyEntity, row));
    return { ...this.toResponse(row), key };
  }

  async list(appId: string): Promise<ApiKeyListResponseDto> {
    const rows = await this.keys.find({ where: { appId }, order: { id: 'ASC' } });
    return { data: rows.map((r) => this.toResponse(r)), nextCursor: null };
  }

  async remove(appId: string, keyId: string): Promise<void> {
    const result = await this.transactor.write((m) => m.delete(ApiKeyEntity, { id: keyId, appId }));
    if (!result.affected) throw new ImGatewayError('not_found', `No API key ${keyId} on app ${appId}.`);
  }

  /** The key a bearer token names, or null. Looked up by hash, so the comparison is not on the secret. */
  async findByToken(token: string): Promise<ApiKeyEntity | null> {
    if (!token.startsWith(KEY_PREFIX)) return null;
    const key = await this.keys.findOneBy({ keyHash: hashApiKey(token) });
    if (key && (!key.lastUsedAt || Date.now() - Date.parse(key.lastUsedAt) > LAST_USED_RESOLUTION_MS)) {
      key.lastUsedAt = nowIso();
      const lastUsedAt = key.lastUsedAt;
      await this.transactor.write((m) => m.update(ApiKeyEntity, { id: key.id }, { lastUsedAt }));
    }
    return key;
  }

  private toResponse(row: ApiKeyEntity): ApiKeyResponseDto {
    return {
      id: row.id,
      appId: row.appId,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
    };
  }
}
