/** Follows Office's theme, dark included: the pane's background is Office's own body colour. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export function isDark(theme: OfficeThemeColors | undefined): boolean {
  return Boolean(theme?.bodyBackgroundColor) && luminance(theme!.bodyBackgroundColor!) < 0.5;
}

export function fluentTheme(theme: OfficeThemeColors | undefined): Theme {
  const base = isDark(theme) ? webDarkTheme : webLightTheme;
  if (!theme?.bodyBackgroundColor) return base;
  return { ...base, colorNeutralBackground1: theme.bodyBackgroundColor, colorNeutralForeground1: theme.bodyForegroundColor ?? base.colorNeutralForeground1 };
}
