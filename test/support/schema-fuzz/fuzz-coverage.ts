import { FuzzCase } from './fuzz-case';
import { HostileKind } from './hostile-values';

/**
 * What the run actually sent, so the suite can show it covered what it claims to: every
 * operation, every text leaf, hostile values both inline and in variables, every kind.
 */
export class FuzzCoverage {
  readonly operations = new Set<string>();
  readonly leaves = new Set<string>();
  readonly kinds = new Map<HostileKind, number>();
  cases = 0;
  inline = 0;
  mustRefuse = 0;
  /** Cases answered without an error: the generated values do reach the code behind the validators. */
  succeeded = 0;

  record(fuzzCase: FuzzCase): void {
    this.cases += 1;
    this.operations.add(fuzzCase.operation.name);
    const hostile = fuzzCase.hostile;
    if (!hostile) return;
    this.leaves.add(`${fuzzCase.operation.name}(${hostile.leaf})`);
    this.kinds.set(hostile.kind, (this.kinds.get(hostile.kind) ?? 0) + 1);
    if (fuzzCase.inline) this.inline += 1;
    if (hostile.refusal) this.mustRefuse += 1;
  }
}
