import { type MantineTheme, type VariantColorsResolver, createTheme, darken, defaultVariantColorsResolver, luminance, parseThemeColor } from '@mantine/core';

const WCAG_AA_TEXT_CONTRAST = 4.5;
const FIRST_SHADE_UNDER_WHITE_TEXT = 6;

function contrastWithWhite(color: string): number {
  return 1.05 / (luminance(color) + 0.05);
}

/** Darkens a background in small steps until white text on it reaches WCAG AA. */
function readableUnderWhiteText(color: string): string {
  let background = color;
  for (let step = 0; step < 12 && contrastWithWhite(background) < WCAG_AA_TEXT_CONTRAST; step += 1) {
    background = darken(background, 0.06);
  }
  return background;
}

function paletteShade(theme: MantineTheme, shade: number | undefined): number {
  if (typeof shade === 'number') return shade;
  return typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;
}

/**
 * Light variants (badges, light buttons) write shade 6 on a pale tint, about 3:1; text in
 * the darkened shade 9 of the same colour reaches WCAG AA for every palette colour. Filled
 * controls of the bright palettes (green, teal, orange, cyan, lime, yellow) give white text
 * under 4.5:1 at shade 8, so their background is darkened until it passes.
 */
const accessibleVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return colors;
  const palette = input.theme.colors[parsed.color];
  if (input.variant === 'light') {
    const darkest = palette?.[9];
    return darkest ? { ...colors, color: darken(darkest, 0.35), hoverColor: darken(darkest, 0.35) } : colors;
  }
  const shade = paletteShade(input.theme, parsed.shade);
  // Pale shades (0–5) carry dark text set by the caller; only the dark ones carry white text.
  if (input.variant === 'filled' && !input.autoContrast && shade >= FIRST_SHADE_UNDER_WHITE_TEXT) {
    const base = palette?.[shade];
    if (!base || contrastWithWhite(base) >= WCAG_AA_TEXT_CONTRAST) return colors;
    const background = readableUnderWhiteText(base);
    return { ...colors, background, hover: darken(background, 0.1), color: 'var(--mantine-color-white)' };
  }
  return colors;
};

// Dimmed text and errors are darkened in global.css for the same reason.
/** The theme in the UI language: every dialog's and notice's close button is named in it. */
export function themeFor(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    variantColorResolver: accessibleVariants,
    primaryColor: 'blue',
    // Shade 6 (Mantine's default) gives white text 3.5:1 on filled controls; shade 8 passes WCAG AA.
    primaryShade: 8,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    defaultRadius: 'sm',
    components: {
      // A table wider than a phone scrolls sideways; its viewport must be reachable by keyboard.
      TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
    },
  });
}
