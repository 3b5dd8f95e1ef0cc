import { Delivery } from './deliveries';
import { FuzzCase } from './fuzz-case';
import { HostileKind } from './hostile-values';

/**
 * What the run actually sent, so the suite can show it covered what it claims to: every
 * operation, every text leaf in each way of sending it (variables, inline, variable default),
 * every kind.
 */
export class FuzzCoverage {
  readonly operations = new Set<string>();
  readonly leaves = new Set<string>();
  readonly kinds = new Map<HostileKind, number>();
  /** Per way of sending: the operations and the leaves (`createPatient(input.lastName)`) that got a hostile value so. */
  private readonly delivered = new Map<Delivery, { operations: Set<string>; leaves: Set<string> }>();
  cases = 0;
  mustRefuse = 0;
  /** Cases answered without an error: the generated values do reach the code behind the validators. */
  succeeded = 0;

  record(fuzzCase: FuzzCase): void {
    this.cases += 1;
    this.operations.add(fuzzCase.operation.name);
    const hostile = fuzzCase.hostile;
    if (!hostile) return;
    const leaf = `${fuzzCase.operation.name}(${hostile.leaf})`;
    this.leaves.add(leaf);
    this.kinds.set(hostile.kind, (this.kinds.get(hostile.kind) ?? 0) + 1);
    const sent = this.delivered.get(fuzzCase.delivery) ?? { operations: new Set<string>(), leaves: new Set<string>() };
    sent.operations.add(fuzzCase.operation.name);
    sent.leaves.add(leaf);
    this.delivered.set(fuzzCase.delivery, sent);
    if (hostile.refusal) this.mustRefuse += 1;
  }

  /** The operations and leaves that got a hostile value sent as `delivery`, each sorted. */
  sentAs(delivery: Delivery): { operations: string[]; leaves: string[] } {
    const sent = this.delivered.get(delivery);
    return { operations: [...(sent?.operations ?? [])].sort(), leaves: [...(sent?.leaves ?? [])].sort() };
  }
}
