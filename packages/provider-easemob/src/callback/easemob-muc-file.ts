import { isRecord, readNumber, readString, isoFromMillis } from '@im-gateway/provider-kit/callback';

/**
 * The group shared-file record of `muc:upload_file`, which the vendor sends as a JSON string in `reason`:
 * `{ "data": { file_id, file_name, file_owner, file_size, created } }` (seed 000 §上传群共享文件).
 * Returns undefined when the string is not that JSON; the raw body still has it.
 */
export function parseUploadedFile(reason: string | undefined): Record<string, unknown> | undefined {
  if (reason === undefined || reason.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(reason);
  } catch {
    return undefined;
  }
  const file =
    isRecord(parsed) && isRecord(parsed.data) ? parsed.data : isRecord(parsed) ? parsed : undefined;
  if (file === undefined) return undefined;
  const out: Record<string, unknown> = {};
  const id = readString(file.file_id);
  const name = readString(file.file_name);
  const owner = readString(file.file_owner);
  const size = readNumber(file.file_size);
  const createdAt = isoFromMillis(readNumber(file.created));
  if (id !== undefined) out.id = id;
  if (name !== undefined) out.name = name;
  if (owner !== undefined) out.owner = owner;
  if (size !== undefined) out.size = size;
  if (createdAt !== undefined) out.createdAt = createdAt;
  return out;
}
