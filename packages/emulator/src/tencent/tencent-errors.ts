// Tencent answers HTTP 200 for API results; the outcome is `ActionStatus` / `ErrorCode` /
// `ErrorInfo` in the body (tencent.md §4.1), with the codes of §4.4.

export interface TencentResult {
  ActionStatus: 'OK' | 'FAIL' | 'SomeError';
  ErrorInfo: string;
  ErrorCode: number;
  [field: string]: unknown;
}

/** Field order as in the vendor's REST examples: ActionStatus, ErrorInfo, ErrorCode, then data. */
export function ok(extra: Record<string, unknown> = {}): TencentResult {
  return { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...extra };
}

export function fail(code: number, info: string): TencentResult {
  return { ActionStatus: 'FAIL', ErrorInfo: info, ErrorCode: code };
}

export class TencentFailure extends Error {
  constructor(readonly result: TencentResult) {
    super(result.ErrorInfo);
  }
}

/** Throws out of a handler with the vendor's error body. */
export function refuse(code: number, info: string): never {
  throw new TencentFailure(fail(code, info));
}
