// The one table of the back office: rows from a server list that pages by keyset cursor, sorts
// and filters on the server, all driven by the URL's search params (so a view can be linked,
// reloaded and walked back with the browser). Headless @tanstack/react-table does the columns;
// the markup (caption, sortable header buttons with aria-sort, filter form) is ours.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { rowSortingFeature, tableFeatures, useTable } from '@tanstack/react-table';
import type { ColumnDef, RowData, SortingState } from '@tanstack/react-table';
import { useId, useMemo } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

export const tableFeatureSet = tableFeatures({ rowSortingFeature });
export type TableColumn<Row extends RowData> = ColumnDef<typeof tableFeatureSet, Row, unknown>;

/** The URL state of a list: sort, direction, cursor and the list's own filters. */
export type ListSearch = Record<string, string | undefined>;

export interface FilterField {
  name: string;
  label: string;
  /** A select with these choices (value → label); an input without. */
  options?: { value: string; label: string }[];
  /** The input's type (a date picker for `date`); text when absent. */
  type?: 'text' | 'date';
}

interface DataTableProps<Row extends RowData> {
  caption: string;
  queryKey: string;
  columns: TableColumn<Row>[];
  /** Column ids the server can sort by; the rest have no sort button. */
  sortable: readonly string[];
  filters: readonly FilterField[];
  search: ListSearch;
  onSearchChange: (next: ListSearch) => void;
  fetchPage: (search: ListSearch) => Promise<{ rows: Row[]; nextCursor: string | null }>;
  rowId: (row: Row) => string;
}

const NO_ROWS: readonly never[] = [];
/** One empty array for every render (a new one would rebuild the row models each time). */
const emptyRows = <Row,>(): Row[] => NO_ROWS as never as Row[];

export function DataTable<Row extends RowData>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const formId = useId();
  const { search, onSearchChange } = props;
  const page = useQuery({
    queryKey: [props.queryKey, search],
    queryFn: () => props.fetchPage(search),
    placeholderData: keepPreviousData,
  });
  const sorting: SortingState = useMemo(
    () => (search.sort ? [{ id: search.sort, desc: search.dir === 'desc' }] : []),
    [search.sort, search.dir],
  );
  const table = useTable({
    features: tableFeatureSet,
    columns: props.columns,
    data: page.data?.rows ?? emptyRows<Row>(),
    getRowId: (row: Row) => props.rowId(row),
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSearchChange({
        ...search,
        sort: first?.id,
        dir: first?.desc ? 'desc' : 'asc',
        cursor: undefined,
      });
    },
  });

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: ListSearch = { ...search, cursor: undefined };
    for (const filter of props.filters)
      next[filter.name] = String(data.get(filter.name) ?? '') || undefined;
    onSearchChange(next);
  };
  const clearFilters = () => {
    const next: ListSearch = { ...search, cursor: undefined };
    for (const filter of props.filters) next[filter.name] = undefined;
    onSearchChange(next);
  };

  return (
    <div className="data-table">
      {props.filters.length > 0 ? (
        <form
          className="filters"
          onSubmit={applyFilters}
          key={JSON.stringify(search)}
          aria-label={t('table.filter')}
        >
          {props.filters.map((filter) => (
            <div className="field" key={filter.name}>
              <label htmlFor={`${formId}-${filter.name}`}>{filter.label}</label>
              {filter.options ? (
                <select
                  id={`${formId}-${filter.name}`}
                  name={filter.name}
                  defaultValue={search[filter.name] ?? ''}
                >
                  <option value="">{t('table.any')}</option>
                  {filter.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${formId}-${filter.name}`}
                  name={filter.name}
                  type={filter.type ?? 'text'}
                  defaultValue={search[filter.name] ?? ''}
                />
              )}
            </div>
          ))}
          <div className="filter-buttons">
            <button type="submit">{t('table.filter')}</button>
            <button type="button" className="secondary" onClick={clearFilters}>
              {t('table.clearFilters')}
            </button>
          </div>
        </form>
      ) : null}
      {page.isError ? (
        <p role="alert" className="form-message error">
          {errorText(t, page.error)}
        </p>
      ) : null}
      <div className="table-scroll">
        <table aria-busy={page.isFetching}>
          <caption>{props.caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = props.sortable.includes(header.column.id);
                  const sorted = header.column.getIsSorted();
                  const label = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {sortable ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {label}
                          <span aria-hidden="true">
                            {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {page.isSuccess && page.data.rows.length === 0 ? (
              <tr>
                <td colSpan={props.columns.length}>{t('table.noRows')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          type="button"
          className="secondary"
          disabled={!search.cursor}
          onClick={() => onSearchChange({ ...search, cursor: undefined })}
        >
          {t('table.firstPage')}
        </button>
        <button
          type="button"
          disabled={!page.data?.nextCursor}
          onClick={() => onSearchChange({ ...search, cursor: page.data?.nextCursor ?? undefined })}
        >
          {t('table.nextPage')}
        </button>
      </div>
    </div>
  );
}
