import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Condition, Modality, PageArgs, Technique } from '@referloop/common';

@InputType()
export class ProviderFilter {
  @Field(() => Modality, { nullable: true })
  @IsOptional()
  @IsEnum(Modality)
  modality?: Modality;

  @Field(() => Technique, { nullable: true })
  @IsOptional()
  @IsEnum(Technique)
  technique?: Technique;

  @Field(() => Condition, { nullable: true })
  @IsOptional()
  @IsEnum(Condition)
  condition?: Condition;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingNewPatients?: boolean;
}

@ArgsType()
export class ProvidersArgs extends PageArgs {
  @Field(() => ProviderFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProviderFilter)
  filter?: ProviderFilter;
}
