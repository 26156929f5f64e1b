/**
 * Items in import order, cut into the batches of one import call each: at most `size` items, all of one
 * group, owner or conversation (`keyOf`), because an import call of either vendor takes one conversation
 * (Tencent's `import_group_msg` one group, its roaming check one pair; Easemob's members one group). Items
 * come key by key, so a key's items stay in order across its batches.
 */
export function batchesByKey<T>(items: readonly T[], size: number, keyOf: (item: T) => unknown): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  for (const item of items) {
    if (batch.length === size || (batch.length > 0 && keyOf(batch[0]!) !== keyOf(item))) {
      batches.push(batch);
      batch = [];
    }
    batch.push(item);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
