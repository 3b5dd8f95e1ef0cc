import { createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/** Variants whose text is drawn in the colour itself, on white or on a pale tint of it. */
const TINTED_TEXT = new Set(['light', 'outline', 'subtle', 'dot', 'transparent']);

/** Colours whose darkest shade is still too light for small text on their own tint (under 4.5:1). */
const TOO_LIGHT_FOR_TEXT = new Set(['green', 'lime', 'yellow', 'orange']);

/**
 * Mantine draws tinted text (a light badge's "Accepted") in shade 6 of its colour, which on white
 * or a pale tint falls short of WCAG AA for small text; shade 9 passes for most colours, and the
 * few too light even then get near-black text on their tint.
 */
const contrastingVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (!input.variant || !TINTED_TEXT.has(input.variant)) return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const text = TOO_LIGHT_FOR_TEXT.has(parsed.color) ? 'var(--mantine-color-gray-9)' : `var(--mantine-color-${parsed.color}-9)`;
  return { ...colors, color: text, hoverColor: text, border: input.variant === 'outline' ? `1px solid ${text}` : colors.border };
};

/** A calendar's arrows are icons alone: without these a screen reader announces just "button". */
const CALENDAR_LABELS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
};

/**
 * Every date picker of the app: its arrows and its clear button named, and other months' days
 * left out (Mantine draws them at half opacity, too faint to read). Plain defaults by component
 * name, so the first page does not load the date pickers' code to set them.
 */
const calendarDefaults = { defaultProps: { ariaLabels: CALENDAR_LABELS, hideOutsideDates: true, clearButtonProps: { 'aria-label': 'Clear the date' } } };

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than Mantine's defaults, so text on them passes WCAG AA contrast.
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Filled colours get black or white text, whichever contrasts (a white label on green fails).
  autoContrast: true,
  // White text needs a background of luminance 0.18 or less for 4.5:1; above it, black.
  luminanceThreshold: 0.18,
  variantColorResolver: contrastingVariants,
  components: {
    // Mantine's close button is an icon alone: named, or a screen reader announces just "button".
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    DateInput: calendarDefaults,
    DatePickerInput: calendarDefaults,
  },
});

/**
 * Contrast: Mantine's dimmed grey, its placeholder grey and its error red are lighter than WCAG AA
 * allows for small text on white (about 3.3:1); a shade darker each passes (4.5:1 or more). A
 * placeholder is what a date picker's button says until a date is chosen, so it must be readable;
 * an input in error still turns its placeholder red.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-placeholder': resolved.colors.gray[7],
    '--mantine-color-error': resolved.colors.red[8],
  },
  dark: {},
});
