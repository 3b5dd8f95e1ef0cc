/** The product's closed lists, so the dataset uses exactly the codes the API accepts. */
export { Condition, Modality, Technique } from '@referloop/common';
export { DeclineReason, ReferralEventType, ReferralStatus } from '@referloop/lifecycle';
