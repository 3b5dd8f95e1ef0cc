import { dateCondition } from './date-value';
import { anyOf, RESOURCE_LAST_UPDATED, searchParameter } from './search-parameter';

/** `_lastUpdated` on the column (or expression) that says when the resource last changed: meta.lastUpdated's own source. */
export const lastUpdatedParameter = (column: string, documentation: string) =>
  searchParameter({
    name: '_lastUpdated',
    type: 'date',
    definition: RESOURCE_LAST_UPDATED,
    documentation,
    where: (values, param) => anyOf(values.map((range) => dateCondition(column, range, param))),
  });
