import { ReferralView } from './operations';
import { Print } from './output';

/**
 * Numbered step lines: what was called and by whom, where the referral stands after it
 * (status and version), then what happened, indented under it.
 */
export class StepPrinter {
  private count = 0;

  constructor(private readonly print: Print) {}

  step(operation: string, actor: string, referral: Pick<ReferralView, 'reference' | 'status' | 'version'>, ...details: string[]): void {
    this.count += 1;
    const number = `${this.count}.`.padStart(4);
    this.print(`${number} ${operation.padEnd(27)} ${referral.reference}  ${referral.status.padEnd(12)} v${String(referral.version).padEnd(3)} by ${actor}`);
    for (const detail of details) this.print(`       ${detail}`);
  }

  /** A line about the step just printed, or a read that changes nothing. */
  note(detail: string): void {
    this.print(`       ${detail}`);
  }
}
