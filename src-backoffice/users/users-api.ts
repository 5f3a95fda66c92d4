import type { Locale, Role } from '../../shared/people/roles';
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  active: boolean;
  roles: Role[];
  leadWarehouses: string[];
  createdAt: string;
}

export async function fetchUsers(search: ListSearch) {
  const page = await api<{ users: UserRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/people/users${queryString({ ...search, limit: 25 })}`,
  );
  return { rows: page.users, nextCursor: page.nextCursor };
}

export const fetchUser = (id: string) => api<UserRow>('GET', `/v1/people/users/${id}`);
