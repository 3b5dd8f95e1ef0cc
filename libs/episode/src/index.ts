export * from './episode.module';
export * from './outcome-reminders.service';
export * from './treatment-plans.service';
export * from './visits.service';
export * from './outcome.service';
