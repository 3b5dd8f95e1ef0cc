import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional } from 'class-validator';
import { Condition, Technique } from '../vocabulary/vocabulary';

interface ListOptions {
  description?: string;
  /** What the field means when left out (a GraphQL default). */
  defaultValue?: Technique[];
}

/**
 * An optional list of techniques in an input: each from the vocabulary, once, at most all of
 * them. Referrals ask for techniques and searches match on them with the same rules.
 */
export const OptionalTechniquesField = (options: ListOptions = {}) =>
  applyDecorators(
    Field(() => [Technique], { nullable: true, ...options }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(Object.keys(Technique).length),
    ArrayUnique(),
    IsEnum(Technique, { each: true }),
  );

/** The conditions of an input: each from the vocabulary, once. */
export const IsConditionList = () =>
  applyDecorators(IsArray(), ArrayMaxSize(Object.keys(Condition).length), ArrayUnique(), IsEnum(Condition, { each: true }));
