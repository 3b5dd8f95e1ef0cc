import { Type } from '@nestjs/common';
import { ArgsType, Field, FieldMiddleware, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '@referloop/core';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /**
   * Counting a large inbox costs far more than fetching one page, so the count is a function
   * that GraphQL's default resolver calls only when the client selects `totalCount`.
   */
  totalCount: () => Promise<number>;
}

/** Runs the deferred count of a connection; only reached when `totalCount` is selected. */
const countWhenSelected: FieldMiddleware = async (_context, next) => {
  const count: unknown = await next();
  return typeof count === 'function' ? (count as () => Promise<number>)() : count;
};

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description:
        'All items matching the filter, across pages. Exact; a count of 10,000 or more is counted at most every 30 seconds, so it may be that old.',
      middleware: [countWhenSelected],
    })
    totalCount!: () => Promise<number>;
  }
  return ConnectionType;
}

/**
 * Keyset cursor over (createdAt, id), newest first. Opaque to clients; a malformed cursor is
 * bad input, never a database error.
 */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): KeysetCursor | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (extra !== undefined || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw badInput('after', 'after is not a cursor returned by this API');
  }
  return { createdAt, id };
}

export interface PageRequest {
  limit: number;
  after: KeysetCursor | null;
}

export function pageRequest(args: PageArgs): PageRequest {
  return { limit: args.first ?? 20, after: decodeCursor(args.after) };
}

/** Turns `limit + 1` fetched rows into a connection; the extra row only signals a next page. */
export function toConnection<R extends { id: string; createdAt: Date }, T>(
  rows: R[],
  page: PageRequest,
  totalCount: () => Promise<number>,
  map: (row: R) => T,
): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const kept = hasNextPage ? rows.slice(0, page.limit) : rows;
  const edges = kept.map((row) => ({ cursor: encodeCursor(row.createdAt, row.id), node: map(row) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
