import { Condition, Technique } from './vocabulary-codes';

/** Conditions as a coordinator says them ("treats plantar fasciitis"). */
export const CONDITION_WORDS: Record<Condition, string> = {
  [Condition.NECK_PAIN]: 'neck pain',
  [Condition.HEADACHE_MIGRAINE]: 'headaches and migraines',
  [Condition.CONCUSSION_TBI]: 'concussion and TBI recovery',
  [Condition.SHOULDER_PAIN]: 'shoulder pain',
  [Condition.BACK_PAIN]: 'back pain',
  [Condition.FOOT_ANKLE_PAIN]: 'foot and ankle pain',
  [Condition.KNEE_PAIN_PATELLAR_TRACKING]: 'knee pain and patellar tracking',
  [Condition.HIP_FLEXOR_IMBALANCE]: 'hip flexor imbalance',
  [Condition.HIP_BURSITIS]: 'hip bursitis',
  [Condition.CALF_PAIN]: 'calf pain',
  [Condition.PLANTAR_FASCIITIS]: 'plantar fasciitis',
  [Condition.CARPAL_TUNNEL_SYNDROME]: 'carpal tunnel syndrome',
  [Condition.TENDINOPATHY]: 'tendonitis and tendinosis',
  [Condition.SPORTS_INJURY_RECOVERY]: 'sports and injury recovery',
  [Condition.JOINT_REPLACEMENT_RECOVERY]: 'joint replacement recovery',
  [Condition.CHRONIC_PAIN]: 'chronic pain',
  [Condition.MOTOR_VEHICLE_INJURY]: 'motor vehicle injury',
  [Condition.POSTURAL_IMBALANCE]: 'postural imbalance',
};

/** Techniques as a coordinator says them ("uses kinesio taping"). */
export const TECHNIQUE_WORDS: Record<Technique, string> = {
  [Technique.ORTHOPEDIC_MASSAGE]: 'orthopedic massage',
  [Technique.SWEDISH_MASSAGE]: 'Swedish massage',
  [Technique.DEEP_TISSUE_MASSAGE]: 'deep tissue massage',
  [Technique.SPORTS_MASSAGE]: 'sports massage',
  [Technique.KINESIO_TAPING]: 'kinesio taping',
  [Technique.CUPPING]: 'cupping',
  [Technique.ELECTRO_STIMULATION]: 'electro-stimulation',
  [Technique.GUA_SHA]: 'gua sha',
  [Technique.CHINESE_HERBAL_MEDICINE]: 'Chinese herbal medicine',
  [Technique.ACUPUNCTURE_NEEDLING]: 'acupuncture needling',
  [Technique.SPINAL_MANIPULATION]: 'spinal manipulation',
  [Technique.STRENGTHENING_EXERCISE]: 'strengthening exercise',
  [Technique.STRETCHING_MOBILITY]: 'stretching and mobility',
};
