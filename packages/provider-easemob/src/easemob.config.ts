import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';

/**
 * An app's Easemob account. `orgName#appName` is the App Key Easemob prints in every callback (`appkey`).
 * Secrets: `clientSecret` (REST app token) and `callbackSecret` (the callback rule's signing secret).
 */
export class EasemobConfig {
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'orgName must be the org part of the App Key' })
  orgName!: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'appName must be the app part of the App Key' })
  appName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  clientId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  clientSecret!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  callbackSecret?: string;

  /** The REST host, e.g. `https://a1.easemob.com`; point it at the emulator for local work. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl?: string;

  /** Accept callbacks that carry no `security` field (some vendor examples print none). Off by default. */
  @IsOptional()
  @IsBoolean()
  allowUnsignedCallbacks?: boolean;

  /**
   * Custom group and chat room ids at creation (an Easemob business switch, off by default). On, a migration
   * creates groups and rooms under their mapped ids, so a re-run finds them instead of creating twice.
   */
  @IsOptional()
  @IsBoolean()
  customIds?: boolean;

  /**
   * The time zone of the history export's `yyyyMMddHH`: Beijing time on the mainland cluster, UTC on
   * overseas clusters (the current docs). Default `utc`.
   */
  @IsOptional()
  @IsIn(['utc', 'beijing'])
  exportTimeZone?: 'utc' | 'beijing';
}

export const EASEMOB_SECRET_FIELDS = ['clientSecret', 'callbackSecret'] as const;
