export * from './webhooks.module';
export * from './delivery/webhook-sender';
export * from './delivery/webhook-relay';
export * from './target-guard';
export * from './webhook-signature';
