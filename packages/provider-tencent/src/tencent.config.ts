import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/**
 * An app's Tencent Cloud IM account. Secrets: `secretKey` (signs UserSig for the REST API) and
 * `callbackToken` (the console's callback authentication token).
 */
export class TencentConfig {
  @IsInt()
  @Min(1)
  @Max(4_294_967_295)
  sdkAppId!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  secretKey!: string;

  /** The App admin account used for REST calls (`identifier`), e.g. `administrator`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  @Matches(/^[^\s]+$/, { message: 'adminIdentifier must not contain spaces' })
  adminIdentifier!: string;

  /**
   * Every callback must carry `Sign = sha256(callbackToken + RequestTime)`. Required unless
   * `allowUnsignedCallbacks` is true: without it anyone who knows the callback URL could post events.
   */
  @ValidateIf((c: TencentConfig) => c.allowUnsignedCallbacks !== true || c.callbackToken !== undefined)
  @IsString({ message: 'callbackToken must be set (or allowUnsignedCallbacks: true)' })
  @IsNotEmpty()
  @MaxLength(256)
  callbackToken?: string;

  /**
   * Accept callbacks without `Sign` when no `callbackToken` is set (the console's callback authentication is
   * off). Off by default; a set token is always checked.
   */
  @IsOptional()
  @IsBoolean()
  allowUnsignedCallbacks?: boolean;

  /**
   * Custom profile fields to read in a migration, by keyword (`City` for `Tag_Profile_Custom_City`): Tencent
   * answers only the tags asked for and has no API that lists an app's custom tags.
   */
  @IsOptional()
  @IsArray()
  @Matches(/^[A-Za-z]{1,8}$/, {
    each: true,
    message: 'each migrationProfileTags entry must be 1–8 English letters',
  })
  migrationProfileTags?: string[];

  /** The REST host, e.g. `https://console.tim.qq.com`; point it at the emulator for local work. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl?: string;
}

export const TENCENT_SECRET_FIELDS = ['secretKey', 'callbackToken'] as const;
