import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
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

  /** When set, every callback must carry `Sign = sha256(callbackToken + RequestTime)`. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  callbackToken?: string;

  /** The REST host, e.g. `https://console.tim.qq.com`; point it at the emulator for local work. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl?: string;
}

export const TENCENT_SECRET_FIELDS = ['secretKey', 'callbackToken'] as const;
