import { GraphqlClient, GraphqlResponse } from '../graphql-client';
import { CallerName, FuzzCase, requestOf } from './fuzz-case';
import { FuzzCoverage } from './fuzz-coverage';
import { outcomeProblems } from './outcome-rules';
import { show } from './show';
import { TableSnapshot, TableSnapshots, tableChanges } from './table-snapshots';

/**
 * Sends a case as its caller and throws, describing everything wrong, when the answer breaks
 * the contract or a failed request wrote to the database. Tables are compared around every
 * failing request; the snapshot taken after one failure is the "before" of the next request,
 * so a run of failures costs one snapshot each.
 */
export class CaseRunner {
  /** The tables as they are now, when known (nothing has succeeded since the last snapshot). */
  private current: TableSnapshot | undefined;

  constructor(
    private readonly callers: Readonly<Record<CallerName, GraphqlClient>>,
    private readonly tables: TableSnapshots,
    readonly coverage: FuzzCoverage,
  ) {}

  async run(fuzzCase: FuzzCase): Promise<void> {
    const before = this.current ?? (await this.tables.take());
    this.current = undefined;
    const { query, variables } = requestOf(fuzzCase);
    this.coverage.record(fuzzCase);
    let response: GraphqlResponse;
    try {
      response = await this.callers[fuzzCase.caller].request(query, variables);
    } catch (error) {
      throw new Error(`✗ no GraphQL answer: ${show((error as Error).message, 300)}`);
    }

    const problems = outcomeProblems(fuzzCase, response);
    const failed = (response.errors?.length ?? 0) > 0 || response.status >= 400;
    if (failed) {
      const after = await this.tables.take();
      this.current = after;
      const changes = tableChanges(before, after);
      if (changes.length > 0) problems.push(`the request failed, yet wrote: ${changes.join('; ')}`);
    } else this.coverage.succeeded += 1;
    if (problems.length > 0) throw new Error([...problems.map((problem) => `✗ ${problem}`), `answer: ${describeResponse(response)}`].join('\n'));
  }
}

function describeResponse(response: GraphqlResponse): string {
  const errors = (response.errors ?? []).map((error) => ({ message: error.message, path: error.path, extensions: error.extensions }));
  return `HTTP ${response.status}, errors: ${show(errors, 300)}, data: ${show(response.data ?? null)}`;
}
