/**
 * Languages a provider treats in, as the API wants them: two-letter ISO 639-1 codes in lower
 * case. The list is every two-letter code this browser can name, so no list is kept here.
 */
export function languageOptions(locale = 'en'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  const options: { value: string; label: string }[] = [];
  for (let first = 97; first <= 122; first++) {
    for (let second = 97; second <= 122; second++) {
      const code = String.fromCharCode(first, second);
      const name = names.of(code);
      if (name && name !== code) options.push({ value: code, label: `${name} (${code})` });
    }
  }
  return options.sort((a, b) => a.label.localeCompare(b.label));
}
