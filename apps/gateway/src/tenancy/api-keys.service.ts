import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyEntity, ApiKeyRepository, AppRepository, newId, nowIso } from '@im-gateway/persistence';
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
    private readonly keys: ApiKeyRepository,
    private readonly apps: AppRepository,
  ) {}

  async create(appId: string, name: string): Promise<ApiKeyCreatedResponseDto> {
    if (!(await this.apps.exists(appId))) throw new ImGatewayError('not_found', `No app ${appId}.`);
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
    await this.keys.insert(row);
    return { ...this.toResponse(row), key };
  }

  async list(appId: string): Promise<ApiKeyListResponseDto> {
    const rows = await this.keys.forApp(appId);
    return { data: rows.map((r) => this.toResponse(r)), nextCursor: null };
  }

  async remove(appId: string, keyId: string): Promise<void> {
    if (!(await this.keys.remove(appId, keyId)))
      throw new ImGatewayError('not_found', `No API key ${keyId} on app ${appId}.`);
  }

  /** The key a bearer token names, or null. Looked up by hash, so the comparison is not on the secret. */
  async findByToken(token: string): Promise<ApiKeyEntity | null> {
    if (!token.startsWith(KEY_PREFIX)) return null;
    const key = await this.keys.findByHash(hashApiKey(token));
    if (key && (!key.lastUsedAt || Date.now() - Date.parse(key.lastUsedAt) > LAST_USED_RESOLUTION_MS)) {
      key.lastUsedAt = nowIso();
      await this.keys.touch(key.id, key.lastUsedAt);
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
