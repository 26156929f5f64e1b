import { describe, expect, it } from '@jest/globals';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { ProviderConfigInvalidError } from '@im-gateway/types';
import { validateProviderConfig } from './provider-config.validator.js';

class SampleConfig {
  @IsString() key!: string;
  @IsInt() @Min(1) count!: number;
  @IsOptional() @IsString() note?: string;
}

function issues(raw: unknown) {
  try {
    validateProviderConfig(SampleConfig, raw);
  } catch (e) {
    if (e instanceof ProviderConfigInvalidError) return e.issues;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('validateProviderConfig', () => {
  it('returns a plain copy of a valid config', () => {
    expect(validateProviderConfig(SampleConfig, { key: 'k', count: 2 })).toEqual({ key: 'k', count: 2 });
  });

  it('names each bad field', () => {
    expect(issues({ key: 1, count: 0 })).toEqual([
      { field: 'config.key', message: 'key must be a string' },
      { field: 'config.count', message: 'count must not be less than 1' },
    ]);
  });

  it('refuses unknown keys so that a misspelt credential does not pass', () => {
    expect(issues({ key: 'k', count: 1, clientSecert: 'x' })).toEqual([
      { field: 'config.clientSecert', message: 'property clientSecert should not exist' },
    ]);
  });

  it('refuses a config that is not an object', () => {
    expect(issues([])).toEqual([{ field: 'config', message: 'must be an object' }]);
  });
});
