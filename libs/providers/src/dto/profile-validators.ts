import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayUnique, IsString, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '@referloop/common';

/** Two-letter ISO 639-1 codes in lower case, so a filter on "es" finds every Spanish speaker. */
export const IsLanguageList = () =>
  applyDecorators(
    ArrayMaxSize(20),
    ArrayUnique(),
    Matches(/^[a-z]{2}$/, { each: true, message: 'languages must be two-letter ISO 639-1 codes in lower case, e.g. "en"' }),
  );

export const IsPostalCode = () =>
  applyDecorators(IsString(), IsNotBlank(), MaxLength(20), Matches(/^\s*[A-Za-z0-9][A-Za-z0-9 -]*\s*$/, { message: 'postalCode may hold only letters, digits, spaces and "-"' }));

export const IsCity = () => applyDecorators(IsString(), IsNotBlank(), MaxLength(120));
