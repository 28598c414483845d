import type { RealtimeChannel, RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';

export type Change = RealtimePostgresChangesPayload<Record<string, unknown>>;

/** Resolves once the channel is SUBSCRIBED, rejects on CHANNEL_ERROR or TIMED_OUT; records every status. */
export function subscribed(channel: RealtimeChannel, statuses: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      statuses.push(status);
      if (status === 'SUBSCRIBED') resolve();
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    });
  });
}

/** Subscribes to postgres_changes on one public table and collects what arrives. */
export function collect(client: SupabaseClient, name: string, filter: { event: '*' | 'INSERT' | 'UPDATE' | 'DELETE'; table: string; filter?: string }) {
  const changes: Change[] = [];
  const statuses: string[] = [];
  const channel = client
    .channel(name)
    .on('postgres_changes', { schema: 'public', ...filter } as never, (payload: Change) => changes.push(payload));
  return { channel, changes, statuses, ready: subscribed(channel, statuses) };
}
