/** Excel.RangeFormat and RangeFill in the test host: a range's fill and fitting its columns (row heights are not modelled). */
import { columnsOf, rowsOf } from '../addresses';
import { ClientObject, type AnyObject, type PropertyDef } from '../context';
import { autofitColumns, fillRect } from '../model/cells';
import { checkRange, type RangeRef } from './range';

export class RangeFormat extends ClientObject<RangeRef> {
  readonly _className = 'RangeFormat';

  override _check(e: RangeRef): void {
    checkRange(e);
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { fill: () => this.fill };
  }

  get fill(): RangeFill {
    return this._child('fill', () => new RangeFill(this.context, 'Fill', this, this._from((e) => e)));
  }

  autofitColumns(): void {
    this._method('autofitColumns', null, (e, m) => autofitColumns(m, e.sheet, e.rect));
  }

  /** Row heights are not modelled; accepted and ignored. */
  autofitRows(): void {
    this._method('autofitRows', null, () => undefined);
  }
}

export class RangeFill extends ClientObject<RangeRef> {
  readonly _className = 'RangeFill';

  override _check(e: RangeRef): void {
    checkRange(e);
  }

  override _properties(): Record<string, PropertyDef<RangeRef>> {
    return {
      color: {
        get: (e) => fillOf(e),
        set: (e, v, m, location) => fillRect(m, e.sheet, e.rect, v === null || v === '' ? null : String(v), location),
      },
    };
  }

  /** `#RRGGBB`; `#FFFFFF` when the cells have no fill; null when the cells differ. */
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }

  /** Removes the fill. */
  clear(): void {
    this._method('clear', null, (e, m, location) => fillRect(m, e.sheet, e.rect, null, location));
  }
}

function fillOf(e: RangeRef): string | null {
  const area = rowsOf(e.rect) * columnsOf(e.rect);
  let seen = 0;
  let color: string | undefined;
  for (const [, , c] of e.sheet.cellsIn(e.rect)) {
    seen++;
    const f = c.fill ?? '#FFFFFF';
    if (color === undefined) color = f;
    else if (color !== f) return null;
  }
  if (seen < area) {
    if (color === undefined) color = '#FFFFFF';
    else if (color !== '#FFFFFF') return null;
  }
  return color ?? '#FFFFFF';
}
