/** j.smith@example.com → j•••@example.com: enough to recognise, not to harvest. */
export function maskAddress(address: string | null): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

const ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[A-Za-z0-9-]+/g;

/**
 * Every email address in a text masked. SMTP servers quote the recipient in their refusals
 * ("550 <jane@x.com>: unknown user"); stored and shown as lastError, that would undo the
 * masked address beside it.
 */
export const maskAddressesIn = (text: string): string => text.replace(ADDRESS, (address) => maskAddress(address) as string);
