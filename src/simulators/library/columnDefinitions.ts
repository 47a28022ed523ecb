/**
 * A columnDefinition in a request body, read as strictly as Graph reads it, and a stored column answered in
 * Graph's shape (https://learn.microsoft.com/graph/api/resources/columndefinition). The type facets are
 * mutually exclusive ("a column can only have one of them specified"); the local library creates the five
 * simple ones and says so (501) for the rest rather than storing a column it could not check values of.
 * Where Graph's documentation is silent (a body without any facet, a name with spaces) this refuses: a
 * request that works here should work on a real list.
 */
import { badRequest, GraphFail } from './errors';
import { newGuid } from './ids';
import type { ColumnRecord, ColumnType } from './siteLists';

const SIMPLE: readonly ColumnType[] = ['text', 'choice', 'dateTime', 'number', 'boolean'];
const OTHER_FACETS = ['calculated', 'currency', 'lookup', 'personOrGroup', 'hyperlinkOrPicture', 'term', 'geolocation', 'thumbnail', 'contentApprovalStatus'];
const PLAIN = ['id', 'name', 'displayName', 'description', 'indexed', 'required', 'enforceUniqueValues', 'hidden', 'readOnly', 'columnGroup', 'defaultValue', 'validation', 'propagateChanges', 'isDeletable', 'isReorderable', 'isSealed', 'type'];
const KNOWN = new Set([...SIMPLE, ...OTHER_FACETS, ...PLAIN]);
/** SharePoint's internal names: what `fields/NAME` and `$filter` use, so nothing that needs encoding. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/** OData's answer to a property the type does not have. */
export function unknownProperty(key: string, type: string): GraphFail {
  return badRequest(`The property '${key}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`, 'BadRequest');
}

function flag(body: Record<string, unknown>, key: string): boolean {
  const v = body[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw badRequest(`Invalid value for '${key}': expected a Boolean.`);
  return v;
}

function text(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`Invalid value for '${key}': expected a string.`);
  return v;
}

/** The column a POST body asks for, or Graph's 400 (501 for a type the local library does not create). */
export function parseColumnDefinition(body: Record<string, unknown>): ColumnRecord {
  for (const key of Object.keys(body)) if (!key.startsWith('@') && !KNOWN.has(key)) throw unknownProperty(key, 'microsoft.graph.columnDefinition');
  const name = text(body, 'name');
  if (!name) throw badRequest('A column needs a name.');
  if (!NAME.test(name)) throw badRequest(`The column name '${name}' is not valid: letters, digits and _ only, not starting with a digit.`);
  if (body.readOnly === true) throw badRequest('A column created through Graph cannot be read-only.');
  const facets = [...SIMPLE, ...OTHER_FACETS].filter((f) => body[f] !== undefined && body[f] !== null);
  if (facets.length === 0) throw badRequest(`The column '${name}' has no type: give one of ${SIMPLE.join(', ')}.`);
  if (facets.length > 1) throw badRequest(`The column '${name}' has more than one type (${facets.join(', ')}); the type facets are mutually exclusive.`);
  const type = facets[0] as ColumnType;
  if (!SIMPLE.includes(type)) throw new GraphFail(501, 'notSupported', `The local library does not create ${type} columns.`);
  const facet = body[type];
  if (typeof facet !== 'object' || Array.isArray(facet)) throw badRequest(`Invalid value for '${type}': expected an object.`);
  const column: ColumnRecord = {
    id: newGuid(),
    name,
    displayName: text(body, 'displayName') || name,
    description: text(body, 'description') ?? '',
    type,
    indexed: flag(body, 'indexed'),
    required: flag(body, 'required'),
    enforceUniqueValues: flag(body, 'enforceUniqueValues'),
    hidden: flag(body, 'hidden'),
  };
  const f = facet as Record<string, unknown>;
  // SharePoint only enforces unique values on an indexed column.
  if (column.enforceUniqueValues && !column.indexed) throw badRequest(`The column '${name}' must be indexed to enforce unique values.`);
  if (type === 'choice') column.choices = choices(name, f.choices);
  if (type === 'text') {
    const max = f.maxLength ?? 255;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 255) throw badRequest(`Invalid maxLength for '${name}': 1 to 255.`);
    column.maxLength = max;
  }
  if (type === 'dateTime') {
    const format = f.format ?? 'dateTime';
    if (format !== 'dateOnly' && format !== 'dateTime') throw badRequest(`Invalid format for '${name}': dateOnly or dateTime.`);
    column.format = format;
  }
  return column;
}

function choices(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((c) => typeof c === 'string' && c.trim() !== '')) {
    throw badRequest(`The choice column '${name}' needs its choices: a list of non-empty strings.`);
  }
  if (new Set(value).size !== value.length) throw badRequest(`The choice column '${name}' lists a choice twice.`);
  return [...(value as string[])];
}

function facetJson(c: Pick<ColumnRecord, 'type' | 'choices' | 'format' | 'maxLength'>): Record<string, unknown> {
  switch (c.type) {
    case 'text':
      return { text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: c.maxLength ?? 255 } };
    case 'choice':
      return { choice: { allowTextEntry: false, choices: c.choices ?? [], displayAs: 'dropDownMenu' } };
    case 'dateTime':
      return { dateTime: { displayAs: 'default', format: c.format ?? 'dateTime' } };
    case 'number':
      return { number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: Number.MAX_VALUE, minimum: -Number.MAX_VALUE } };
    case 'boolean':
      return { boolean: {} };
  }
}

export function columnJson(c: ColumnRecord, group = 'Custom Columns', readOnly = false): Record<string, unknown> {
  return {
    columnGroup: group,
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly,
    required: c.required,
    ...facetJson(c),
  };
}
