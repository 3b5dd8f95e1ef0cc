import { registerEnumType } from '@nestjs/graphql';
import { Condition, Modality, ReferralPriority, Technique, UserRole } from './vocabulary-codes';

export * from './vocabulary-codes';

registerEnumType(Modality, { name: 'Modality' });
registerEnumType(Condition, { name: 'Condition' });
registerEnumType(Technique, { name: 'Technique' });
registerEnumType(UserRole, { name: 'UserRole' });
registerEnumType(ReferralPriority, { name: 'ReferralPriority' });
