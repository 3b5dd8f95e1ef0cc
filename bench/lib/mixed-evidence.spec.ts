// eslint-disable-next-line @typescript-eslint/no-require-imports
const { gcEvidence } = require('./mixed-evidence') as {
  gcEvidence: (text: string) => { count: number; maxPauseMs: number; byKind: Record<string, { count: number }> };
};

describe('GC pauses read from --trace-gc', () => {
  it("reads each pause in both Node 20's and Node 24's line format", () => {
    const node20 = '[7:0x3d47d490]       28 ms: Scavenge 4.1 (5.2) -> 3.7 (5.9) MB, 1.80 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;';
    const node24 = '[7:0x46bef000]       46 ms: Scavenge 4.7 (5.8) -> 4.3 (6.8) MB, pooled: 0 MB, 6.11 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;';
    const major = '[7:0x46bef000]     9046 ms: Mark-Compact 80.1 (95.2) -> 40.3 (96.8) MB, pooled: 2 MB, 31.50 / 0.10 ms  (average mu = 0.990, current mu = 0.980) task; scavenges since last GC: 12';
    const evidence = gcEvidence([node20, node24, major].join('\n'));
    expect(evidence.count).toBe(3);
    expect(evidence.maxPauseMs).toBe(31.5);
    expect(evidence.byKind).toEqual({ Scavenge: expect.objectContaining({ count: 2 }), 'Mark-Compact': expect.objectContaining({ count: 1 }) });
  });
});
