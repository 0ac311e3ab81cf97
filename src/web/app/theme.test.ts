import { DEFAULT_THEME, luminance, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { themeFor } from './theme';

const theme = mergeMantineTheme(DEFAULT_THEME, themeFor('Close'));
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};
const filled = (color: string) => theme.variantColorResolver({ color, theme, variant: 'filled' });

describe('the theme', () => {
  it.each(['green', 'teal', 'orange', 'cyan', 'lime', 'yellow', 'blue', 'red', 'violet'])('gives white text on a filled %s control at least 4.5:1', (color) => {
    const { background } = filled(color);
    // Colours that already pass keep Mantine's CSS variable; the darkened ones are computed.
    const shown = background.startsWith('var(') ? theme.colors[color]![8]! : background;
    expect(contrast(shown, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves a pale filled shade, which carries dark text, as Mantine draws it', () => {
    expect(filled('yellow.2').background).toBe(theme.variantColorResolver({ color: 'yellow.2', theme: { ...theme, variantColorResolver: DEFAULT_THEME.variantColorResolver }, variant: 'filled' }).background);
  });

  it('names the close button of dialogs, drawers and notices in the UI language', () => {
    const named = themeFor('Затвори').components ?? {};
    for (const component of ['Modal', 'Drawer', 'Notification']) {
      expect(named[component]?.defaultProps).toMatchObject({ closeButtonProps: { 'aria-label': 'Затвори' } });
    }
  });
});
