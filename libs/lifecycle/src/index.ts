export * from './referral-status';
export * from './state-machine';
export * from './referral-event-type';
export * from './needs-action';
export * from './clinics-that-see';
