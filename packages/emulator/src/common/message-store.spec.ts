import { describe, expect, it } from '@jest/globals';
import { MessageStore, type RecordedMessage } from './message-store.js';

const message = (id: string, to = 'u'): RecordedMessage => ({
  vendor: 'easemob',
  app: 'o#a',
  route: '/messages/users',
  id,
  chatType: 'chat',
  from: 'admin',
  to,
  type: 'txt',
  body: { msg: id },
  receivedAt: 0,
  recalled: false,
  request: {},
});

describe('MessageStore', () => {
  it('filters by app, route and recipient and finds by id', () => {
    const store = new MessageStore();
    store.add(message('1', 'a'));
    store.add(message('2', 'b'));
    expect(store.list({ to: 'b' }).map((m) => m.id)).toEqual(['2']);
    expect(store.list({ app: 'other' })).toEqual([]);
    expect(store.get('o#a', '1')?.to).toBe('a');
  });

  it('forgets the oldest tenth past its capacity, ids included', () => {
    const store = new MessageStore(20);
    for (let i = 0; i < 21; i++) store.add(message(String(i)));
    expect(store.list().map((m) => m.id)[0]).toBe('2');
    expect(store.list()).toHaveLength(19);
    expect(store.get('o#a', '0')).toBeUndefined();
    expect(store.get('o#a', '20')).toBeDefined();
  });
});
