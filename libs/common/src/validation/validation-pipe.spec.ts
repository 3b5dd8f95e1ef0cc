import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';
import { DomainError, ErrorCode } from '@referloop/core';
import { InputValidationPipe, lowercaseIds } from './validation-pipe';

class Finding {
  @IsInt()
  @Min(0)
  @Max(10)
  painScore!: number;
}

class Assessment {
  @ValidateNested({ each: true })
  @Type(() => Finding)
  rangeOfMotion!: Finding[];
}

class Input {
  @ValidateNested()
  @Type(() => Assessment)
  assessment!: Assessment;
}

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();

  it('names the path of the first offending field, prefixed by the argument name', async () => {
    const value = { assessment: { rangeOfMotion: [{ painScore: 3 }, { painScore: 11 }] } };
    const error = await pipe.transform(value, { type: 'body', metatype: Input, data: 'input' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error as DomainError).extensions.field).toBe('input.assessment.rangeOfMotion.1.painScore');
  });

  it('passes valid input through as an instance of the class', async () => {
    const value = { assessment: { rangeOfMotion: [{ painScore: 10 }] } };
    await expect(pipe.transform(value, { type: 'body', metatype: Input, data: 'input' })).resolves.toBeInstanceOf(Input);
  });
});

describe('lowercaseIds', () => {
  it('lower-cases UUIDs at any depth and leaves other strings alone', () => {
    const input = { id: '0D9F6A52-1C1E-4A8E-9D6B-2B1F7A3C5E11', note: 'Keep CAPS', list: ['A71C0000-0000-4000-8000-00000000000A'], at: new Date(0) };
    expect(lowercaseIds(input)).toEqual({
      id: '0d9f6a52-1c1e-4a8e-9d6b-2b1f7a3c5e11',
      note: 'Keep CAPS',
      list: ['a71c0000-0000-4000-8000-00000000000a'],
      at: new Date(0),
    });
  });
});
