import { types, type CustomTypesConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PreparingClient } from './preparing-client';

// A `date` column is a calendar date; parsing it into a JS Date would shift birthdays by the
// server's time zone. Counts (`bigint`) fit comfortably in a JS number.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));
// pg parses text[] (oid 1009) into arrays but leaves uuid[] (oid 2951) as a string.
type TypeId = Parameters<CustomTypesConfig['getTypeParser']>[0];
const TEXT_ARRAY = 1009 as TypeId;
const UUID_ARRAY = 2951 as TypeId;
types.setTypeParser(UUID_ARRAY, types.getTypeParser(TEXT_ARRAY));

export interface DatabaseOptions {
  url: string;
  poolSize: number;
  /** Run statements with parameters prepared (PreparingClient); on unless turned off. */
  preparedStatements?: boolean;
  applicationName?: string;
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    // No entities: every query is SQL, and the migrations are the one source of each table's shape
    // (row types are generated from them, row-types/).
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Migrations create the extensions we use; TypeORM's CREATE EXTENSION at each start raced between the apps.
    installExtensions: false,
    // Failed queries are logged by the GraphQL exception filter, without their parameters:
    // those carry patient data, which does not belong in logs.
    logging: false,
    applicationName: options.applicationName ?? 'referloop',
    extra: {
      max: options.poolSize,
      // Statements with parameters run prepared: parsed and planned once per connection.
      ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
      // Fail fast instead of queueing forever when the database is gone.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}
