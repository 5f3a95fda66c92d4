// Which warehouse a screen shows: the list of warehouses (one query, shared by every screen), the
// ones this person may pick (every one for the roles that see all, else the ones they lead) and
// the one picked (asked in the URL, else the first), with the select that picks it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { ROLES, type Role } from '../../shared/people/roles';
import { api } from '../app/api';

export interface WarehouseOption {
  code: string;
  name: string;
}

export const warehousesQuery = queryOptions({
  queryKey: ['warehouses'],
  queryFn: () => api<{ warehouses: WarehouseOption[] }>('GET', '/v1/warehouses'),
});

/** Every role but warehouse lead: a lead alone sees only their own warehouses. */
export const ALL_BUT_LEADS: readonly Role[] = ROLES.filter((r) => r !== 'warehouse_lead');

export function useWarehouseChoice(asked: string | undefined, seeAll: readonly Role[]) {
  const { me } = useRouteContext({ from: '/signed-in' });
  const warehouses = useQuery(warehousesQuery);
  const all = me.user.roles.some((r: Role) => seeAll.includes(r));
  const choices = (warehouses.data?.warehouses ?? []).filter(
    (w) => all || me.user.leadWarehouses.includes(w.code),
  );
  return { me, warehouses, choices, warehouse: asked ?? choices[0]?.code };
}

export function WarehouseSelect(props: {
  id: string;
  label: string;
  value: string;
  choices: readonly WarehouseOption[];
  onChange: (code: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.choices.map((w) => (
          <option key={w.code} value={w.code}>{`${w.code} · ${w.name}`}</option>
        ))}
      </select>
    </div>
  );
}
