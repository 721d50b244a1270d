// Table family. Sorting and paging stay in the card: the host only reports clicks back.
import { cls, handler, marks, str, type HostProps } from './shared.js';

function widthOf(value: unknown): string | number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'min') return '1%';
  return undefined;
}

export function Table(props: HostProps) {
  const onPageChange = handler(props.onPageChange);
  const page = typeof props.page === 'number' ? props.page : 1;
  const pageCount = typeof props.pageCount === 'number' ? props.pageCount : 1;
  return (
    <div {...marks('Table', props)} className="hs-table-wrap">
      <table
        className={cls(
          'hs-table',
          props.bordered !== false && 'hs-table--bordered',
          `hs-table--${str(props.density) ?? 'default'}`,
        )}
      >
        {props.children}
      </table>
      {props.paginated === true && pageCount > 1 ? (
        <nav className="hs-pager" aria-label="Table pages">
          <button
            type="button"
            className="hs-link-button"
            disabled={page <= 1}
            onClick={() => onPageChange?.(page - 1)}
          >
            ‹ Prev
          </button>
          {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
            <button
              key={n}
              type="button"
              className={cls('hs-link-button', n === page && 'is-current')}
              aria-current={n === page ? 'page' : undefined}
              onClick={() => onPageChange?.(n)}
            >
              {n}
            </button>
          ))}
          <button
            type="button"
            className="hs-link-button"
            disabled={page >= pageCount}
            onClick={() => onPageChange?.(page + 1)}
          >
            Next ›
          </button>
        </nav>
      ) : null}
    </div>
  );
}

export function TableHead(props: HostProps) {
  return <thead {...marks('TableHead', props)}>{props.children}</thead>;
}

export function TableBody(props: HostProps) {
  return <tbody {...marks('TableBody', props)}>{props.children}</tbody>;
}

export function TableFooter(props: HostProps) {
  return <tfoot {...marks('TableFooter', props)}>{props.children}</tfoot>;
}

export function TableRow(props: HostProps) {
  return <tr {...marks('TableRow', props)}>{props.children}</tr>;
}

const NEXT_SORT: Record<string, string> = {
  none: 'ascending',
  ascending: 'descending',
  descending: 'none',
};

export function TableHeader(props: HostProps) {
  const direction = str(props.sortDirection);
  const sortable = direction !== undefined && direction !== 'never';
  const onSortChange = handler(props.onSortChange);
  return (
    <th
      {...marks('TableHeader', props)}
      style={{
        textAlign: (str(props.align) as 'left' | undefined) ?? 'left',
        width: widthOf(props.width),
      }}
      aria-sort={direction === 'ascending' || direction === 'descending' ? direction : undefined}
    >
      {sortable ? (
        <button
          type="button"
          className="hs-sort"
          disabled={props.disabled === true}
          onClick={() => onSortChange?.(NEXT_SORT[direction] ?? 'ascending')}
        >
          {props.children}
          <span className="hs-sort__arrow">
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '⇅'}
          </span>
        </button>
      ) : (
        props.children
      )}
    </th>
  );
}

export function TableCell(props: HostProps) {
  return (
    <td
      {...marks('TableCell', props)}
      colSpan={typeof props.colSpan === 'number' ? props.colSpan : undefined}
      style={{
        textAlign: (str(props.align) as 'left' | undefined) ?? 'left',
        width: widthOf(props.width),
      }}
    >
      {props.children}
    </td>
  );
}
