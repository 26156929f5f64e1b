import type {
  CallbackContext,
  CallbackRequest,
  HistoryMessage,
  ImProvider,
  SendableContent,
  SendableContentType,
} from '@im-gateway/types';

/** One vendor-doc example and the events it must yield (`fixtures/golden/<name>.events.json`). */
export interface ConformanceFixture {
  name: string;
  /** The request the gateway would build from the fixture, exactly as printed. */
  request: CallbackRequest;
  golden: unknown[];
  /** Where the golden events are kept, for `UPDATE_GOLDEN=1` to rewrite them. */
  goldenFile?: string;
}

/** A request and the context it is checked in. */
export interface ContextualRequest<Config extends object> {
  request: CallbackRequest;
  context: CallbackContext<Config>;
}

/** A running emulator of the vendor, posting its callbacks to `callbackUrl`. */
export interface ConformanceEmulator<Config extends object> {
  /** An app config that sends through the emulator and verifies its callbacks. */
  config: Config;
  close(): Promise<void>;
}

/**
 * What a provider package hands the conformance suite: its provider, its fixtures, and the vendor-specific
 * know-how the shared checks cannot guess (how the vendor signs, what tampering looks like, how it retries).
 */
export interface ConformanceSubject<Config extends object> {
  provider: ImProvider<Config>;
  fixtures: readonly ConformanceFixture[];
  /** The context the golden files were made with. */
  context(fixture: ConformanceFixture): CallbackContext<Config>;
  /** The fixture signed as the vendor would sign it, and a context whose verification must accept it. */
  sign(fixture: ConformanceFixture): ContextualRequest<Config>;
  /** Forgeries of a signed request (changed signature, changed signed fields): each must be rejected. */
  tamper(signed: ContextualRequest<Config>): { name: string; request: CallbackRequest }[];
  /** The vendor's retry of a signed callback (re-sent later, re-signed); default: the same request again. */
  retry?(signed: ContextualRequest<Config>): ContextualRequest<Config>;
  /** Starts the provider's emulator for the send → callback round trip. */
  emulator?(callbackUrl: string): Promise<ConformanceEmulator<Config>>;
  /** For the round trip: one content per declared send content type, as the vendor carries it losslessly. */
  contents?: Readonly<Partial<Record<SendableContentType, SendableContent>>>;
  /**
   * Ids the vendor's examples print as placeholders (Easemob masks values as `XXXX`), which the id check
   * skips: no real id looks like them, so no rule has to accept them.
   */
  placeholderIds?: readonly string[];
  /**
   * The vendor API names the provider's migration reader and writer call (its exported list), each of which
   * must have a limit in `apiLimits`. Required in effect for a provider that declares `capabilities.migration`.
   */
  migrationApis?: readonly string[];
  /**
   * A callback of a before-command no fixture is of (`capabilities.before.commands[].vendorKind`), for the
   * before check: the smallest body the vendor documents for it, with the context to normalize it in.
   */
  beforeCallback?(vendorKind: string): ContextualRequest<Config> | undefined;
  /**
   * History messages as the provider's history readers return them (`raw` set), made from its post-send
   * fixtures, some recalled: the reconcile check recovers events from each. Required in effect for a
   * provider that declares `capabilities.reconcile`.
   */
  historyMessages?: readonly HistoryMessage[];
  /** Mutations per fixture in the fuzz check (default 40). */
  fuzzRuns?: number;
  /**
   * Rewrite each fixture's golden file from what the normalizer yields instead of comparing (the package's
   * own run sets it from `UPDATE_GOLDEN=1`; never a deliberately broken subject's).
   */
  updateGolden?: boolean;
}

/** One shared check, named for test titles; `run` throws `ConformanceError` naming the fixture and the field. */
export interface ConformanceCheck {
  name: string;
  run(): void | Promise<void>;
}

/** A provider broke the contract: the message names the check, the fixture and the field. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}
