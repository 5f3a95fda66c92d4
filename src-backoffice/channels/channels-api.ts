// The channel admin API (GET /v1/channels, its keys, issuing and revoking them).
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export interface ChannelRow {
  code: string;
  name: string;
  kind: string;
  platform: string;
  activeKeys: number;
}

export interface ChannelKey {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function fetchChannels(search: ListSearch) {
  const page = await api<{ channels: ChannelRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/channels${queryString({ cursor: search.cursor, limit: 25 })}`,
  );
  return { rows: page.channels, nextCursor: page.nextCursor };
}

export const fetchChannelKeys = (code: string) =>
  api<{ keys: ChannelKey[] }>('GET', `/v1/channels/${encodeURIComponent(code)}/keys`);

export const issueChannelKey = (code: string, label: string) =>
  api<ChannelKey & { apiKey: string }>('POST', `/v1/channels/${encodeURIComponent(code)}/keys`, {
    label,
  });

export const revokeChannelKey = (code: string, id: string, reason: string) =>
  api<{ id: string; revokedAt: string }>(
    'POST',
    `/v1/channels/${encodeURIComponent(code)}/keys/${id}/revoke`,
    { reason },
  );
