import { Condition as ConditionCodes, Modality as ModalityCodes, Technique as TechniqueCodes } from '@vocabulary/vocabulary-codes';
import type { Condition, Technique } from '../gql/graphql';
import { conditionLabel, MODALITY_LABELS, techniqueLabel } from './labels';

/** Select and MultiSelect options from the server's own vocabulary, in its order. */
export const CONDITIONS = Object.values(ConditionCodes).map((value) => ({ value, label: conditionLabel(value as Condition) }));
export const TECHNIQUES = Object.values(TechniqueCodes).map((value) => ({ value, label: techniqueLabel(value as Technique) }));
export const MODALITIES = Object.values(ModalityCodes).map((value) => ({ value, label: MODALITY_LABELS[value] }));
