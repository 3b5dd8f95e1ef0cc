import { ColumnInfo, rowTypesSource } from './row-types-source';

const column = (table_name: string, column_name: string, udt_name: string, nullable = false): ColumnInfo => ({
  table_name,
  column_name,
  udt_name,
  is_nullable: nullable ? 'YES' : 'NO',
});

describe('rowTypesSource', () => {
  it('writes each table as node-postgres returns it: nullable columns, arrays, parsed bigint, dates as text, jsonb unknown (which takes in null)', () => {
    const source = rowTypesSource([
      column('visits', 'id', 'uuid'),
      column('visits', 'pain_score', 'int4', true),
      column('visits', 'techniques_used', '_text'),
      column('visits', 'at', 'timestamptz'),
      column('clinics', 'patients_seen', 'int8'),
      column('clinics', 'born_on', 'date', true),
      column('clinics', 'settings', 'jsonb', true),
    ]);
    expect(source).toContain(`  clinics: {
    patients_seen: number;
    born_on: string | null;
    settings: unknown;
  };
  visits: {
    id: string;
    pain_score: number | null;
    techniques_used: string[];
    at: Date;
  };`);
    expect(source).toMatch(/^\/\/ Generated from the migrated database/);
  });

  it('refuses a column type it has no TypeScript type for, naming the column', () => {
    expect(() => rowTypesSource([column('clinics', 'area', 'polygon')])).toThrow('clinics.area (polygon)');
  });
});
