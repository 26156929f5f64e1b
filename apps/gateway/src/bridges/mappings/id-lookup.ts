/**
 * Ids across a bridge, as a batch of work asks for them: a user (the id table, then the bridge's rule) or a
 * group or chat room (the table only). Null when the id has no twin.
 */
export interface IdLookup {
  user(id: string): Promise<string | null>;
  conversation(kind: 'group' | 'chatroom', id: string): Promise<string | null>;
}
