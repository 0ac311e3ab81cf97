import { MantineProvider, type VariantColorsResolver, createTheme, darken, defaultVariantColorsResolver, parseThemeColor } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { router } from './router';

/**
 * Light variants (badges, light buttons) write shade 6 on a pale tint, about 3:1; text in
 * the darkened shade 9 of the same colour reaches WCAG AA for every palette colour.
 */
const accessibleLightVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return colors;
  const darkest = input.theme.colors[parsed.color]?.[9];
  return darkest ? { ...colors, color: darken(darkest, 0.35), hoverColor: darken(darkest, 0.35) } : colors;
};

// Dimmed text and errors are darkened in global.css for the same reason.
const theme = createTheme({
  variantColorResolver: accessibleLightVariants,
  primaryColor: 'blue',
  // Shade 6 (Mantine's default) gives white text 3.5:1 on filled controls; shade 8 passes WCAG AA.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
