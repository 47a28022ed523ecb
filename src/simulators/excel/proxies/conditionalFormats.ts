/**
 * Conditional formats of a range in the test host: the Custom kind (a formula rule with a fill) is modelled
 * and drawn; other kinds read from a file are listed with their type and kept, not evaluated.
 */
import { columnsOf, formatAddress, rowsOf, type Rect } from '../addresses';
import { ClientObject, type AnyObject, NULL_OBJECT, type ClientResult, type PropertyDef } from '../context';
import { invalidArgument, invalidOperation, itemNotFound } from '../errors';
import { addConditionalFormat, conditionalFormatsIn, deleteConditionalFormat, updateConditionalFormat } from '../model/conditionalFormats';
import type { ConditionalFormatData, SheetModel } from '../model/sheetModel';
import { checkRange, Range, type RangeRef } from './range';

interface CfRef {
  sheet: SheetModel;
  cf: ConditionalFormatData;
}

function checkCf(e: CfRef): void {
  if (e.sheet.deleted || !e.sheet.conditionalFormats.includes(e.cf)) throw itemNotFound('ConditionalFormat', 'the conditional format was deleted');
}

export class ConditionalFormatCollection extends ClientObject<RangeRef> {
  readonly _className = 'ConditionalFormatCollection';

  override _check(e: RangeRef): void {
    checkRange(e);
  }

  override _isCollection(): boolean {
    return true;
  }

  override _list(e: RangeRef): unknown[] {
    return conditionalFormatsIn(e.sheet, e.rect).map((cf) => ({ sheet: e.sheet, cf }));
  }

  override _item(e: unknown, i: number): AnyObject {
    return new ConditionalFormat(this.context, `GetItemAt(${i})`, this, () => e as CfRef)._bind(e as CfRef);
  }

  get items(): ConditionalFormat[] {
    return this._get('items');
  }

  /** Adds a format over this range at the top priority; only `Custom` is supported by the test host. */
  add(type: string): ConditionalFormat {
    return this._creating<CfRef, ConditionalFormat>(
      'add',
      type,
      (resolver) => new ConditionalFormat(this.context, 'Add()', this, resolver),
      (e, model, location) => ({ sheet: e.sheet, cf: addConditionalFormat(model, e.sheet, e.rect, type, location) }),
    );
  }

  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, `GetItem(${JSON.stringify(id)})`, this, this._from((e) => {
      const cf = conditionalFormatsIn(e.sheet, e.rect).find((x) => x.id === id);
      if (!cf) throw itemNotFound('ConditionalFormatCollection.getItem', `no conditional format ${id}`);
      return { sheet: e.sheet, cf };
    }));
  }

  getCount(): ClientResult<number> {
    return this._methodResult('getCount', null, (e) => conditionalFormatsIn(e.sheet, e.rect).length);
  }

  /** Deletes every conditional format that touches this range. */
  clearAll(): void {
    this._method('clearAll', null, (e, model) => {
      for (const cf of conditionalFormatsIn(e.sheet, e.rect)) deleteConditionalFormat(model, e.sheet, cf);
    });
  }
}

export class ConditionalFormat extends ClientObject<CfRef> {
  readonly _className = 'ConditionalFormat';

  override _check(e: CfRef): void {
    checkCf(e);
  }

  override _properties(): Record<string, PropertyDef<CfRef>> {
    return {
      id: { get: (e) => e.cf.id },
      type: { get: (e) => e.cf.type },
      priority: {
        get: (e) => e.sheet.conditionalFormats.indexOf(e.cf),
        set: (e, v, m, location) => updateConditionalFormat(m, e.sheet, e.cf, { priority: Number(v) }, location),
      },
      stopIfTrue: {
        get: (e) => e.cf.stopIfTrue,
        set: (e, v, m, location) => updateConditionalFormat(m, e.sheet, e.cf, { stopIfTrue: Boolean(v) }, location),
      },
    };
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v);
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v);
  }

  /** The rule and format of a Custom format; an error at sync for another type. */
  get custom(): CustomConditionalFormat {
    return this._child('custom', () => new CustomConditionalFormat(this.context, 'Custom', this, this._from((e) => {
      if (e.cf.type !== 'Custom') throw invalidArgument('ConditionalFormat.custom', `the conditional format is of type ${e.cf.type}`);
      return e;
    })));
  }

  get customOrNullObject(): CustomConditionalFormat {
    return this._child('customOrNullObject', () => new CustomConditionalFormat(this.context, 'CustomOrNullObject', this, this._from((e) => (e.cf.type === 'Custom' ? e : NULL_OBJECT))));
  }

  /**
   * The block the format applies to. "Throws an error if the conditional format is applied to multiple
   * ranges" (ConditionalFormat.getRange, ExcelApi 1.6, @types/office-js) — as after a user copies a marked
   * cell next to another one: the sync fails with InvalidOperation (the code Excel gives is not documented).
   */
  getRange(): Range {
    return new Range(this.context, 'GetRange()', this, this._from((e) => {
      if (e.cf.rects.length !== 1) throw invalidOperation('ConditionalFormat.getRange', `the conditional format applies to ${e.cf.rects.length} ranges`);
      return { sheet: e.sheet, rect: { ...e.cf.rects[0] } };
    }));
  }

  /** "If the conditional format is applied to multiple ranges, then this method returns an object with its isNullObject property set to true." */
  getRangeOrNullObject(): Range {
    return new Range(this.context, 'GetRangeOrNullObject()', this, this._from((e) => (e.cf.rects.length === 1 ? { sheet: e.sheet, rect: { ...e.cf.rects[0] } } : NULL_OBJECT)));
  }

  /** Every block the format applies to (ExcelApi 1.9: ApiNotFound at sync on an older platform). */
  getRanges(): RangeAreas {
    return new RangeAreas(this.context, 'GetRanges()', this, this._from((e) => {
      this.context._core.requireApi('1.9', 'ConditionalFormat.getRanges');
      return { sheet: e.sheet, rects: e.cf.rects.map((r) => ({ ...r })) };
    }));
  }

  delete(): void {
    this._method('delete', null, (e, m) => deleteConditionalFormat(m, e.sheet, e.cf));
  }
}

export class CustomConditionalFormat extends ClientObject<CfRef> {
  readonly _className = 'CustomConditionalFormat';

  override _check(e: CfRef): void {
    checkCf(e);
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): ConditionalFormatRule {
    return this._child('rule', () => new ConditionalFormatRule(this.context, 'Rule', this, this._from((e) => e)));
  }

  get format(): ConditionalRangeFormat {
    return this._child('format', () => new ConditionalRangeFormat(this.context, 'Format', this, this._from((e) => e)));
  }
}

export class ConditionalFormatRule extends ClientObject<CfRef> {
  readonly _className = 'ConditionalFormatRule';

  override _check(e: CfRef): void {
    checkCf(e);
  }

  override _properties(): Record<string, PropertyDef<CfRef>> {
    const formula: PropertyDef<CfRef> = {
      get: (e) => e.cf.formula,
      set: (e, v, m, location) => updateConditionalFormat(m, e.sheet, e.cf, { formula: String(v) }, location),
    };
    return { formula, formulaLocal: formula };
  }

  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v);
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
  set formulaLocal(v: string) {
    this._set('formulaLocal', v);
  }
}

export class ConditionalRangeFormat extends ClientObject<CfRef> {
  readonly _className = 'ConditionalRangeFormat';

  override _check(e: CfRef): void {
    checkCf(e);
  }

  override _navigation(): Record<string, () => AnyObject> {
    return { fill: () => this.fill };
  }

  get fill(): ConditionalRangeFill {
    return this._child('fill', () => new ConditionalRangeFill(this.context, 'Fill', this, this._from((e) => e)));
  }
}

export class ConditionalRangeFill extends ClientObject<CfRef> {
  readonly _className = 'ConditionalRangeFill';

  override _check(e: CfRef): void {
    checkCf(e);
  }

  override _properties(): Record<string, PropertyDef<CfRef>> {
    return {
      color: {
        get: (e) => e.cf.fill,
        set: (e, v, m, location) => updateConditionalFormat(m, e.sheet, e.cf, { fill: v === null || v === '' ? null : String(v) }, location),
      },
    };
  }

  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }

  clear(): void {
    this._method('clear', null, (e, m, location) => updateConditionalFormat(m, e.sheet, e.cf, { fill: null }, location));
  }
}

/** Excel.RangeAreas, as far as a conditional format's blocks need it: their address and size. */
export class RangeAreas extends ClientObject<{ sheet: SheetModel; rects: Rect[] }> {
  readonly _className = 'RangeAreas';

  override _properties(): Record<string, PropertyDef<{ sheet: SheetModel; rects: Rect[] }>> {
    const address = (e: { sheet: SheetModel; rects: Rect[] }) => e.rects.map((r) => formatAddress(e.sheet.name, r)).join(',');
    return {
      address: { get: address },
      addressLocal: { get: address },
      areaCount: { get: (e) => e.rects.length },
      cellCount: { get: (e) => e.rects.reduce((n, r) => n + rowsOf(r) * columnsOf(r), 0) },
    };
  }

  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
}
