/**
 * Stands in for the rows a virtualised table has not rendered (CaseTable.tsx, windowed by use-window-rows.ts), so the
 * scroll bar keeps the list's true length. Sized by an SVG height attribute: the CSP allows no inline
 * styles. Hidden from assistive technology; the table's aria-rowcount says how many rows there are.
 */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="table-spacer" aria-hidden="true">
      <td colSpan={columns}>
        <svg className="table-spacer__box" width="1" height={Math.max(0, Math.round(height))} focusable="false" />
      </td>
    </tr>
  );
}
