import { maskAddress, maskAddressesIn } from './masking';

describe('masking addresses', () => {
  it('keeps the first character and the domain', () => {
    expect(maskAddress('jane.doe@clinic.example')).toBe('j•••@clinic.example');
    expect(maskAddress(null)).toBeNull();
    expect(maskAddress('@nobody')).toBe('•••');
  });

  it('masks every address an SMTP refusal quotes, and nothing else', () => {
    expect(maskAddressesIn('550 5.1.1 <jane.doe@clinic.example>: Recipient address rejected; also bob+x@a.b.example')).toBe(
      '550 5.1.1 <j•••@clinic.example>: Recipient address rejected; also b•••@a.b.example',
    );
    expect(maskAddressesIn('connect ECONNREFUSED 127.0.0.1:2525')).toBe('connect ECONNREFUSED 127.0.0.1:2525');
  });
});
