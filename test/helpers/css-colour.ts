/**
 * Just enough CSS colour arithmetic to check a theme's contrast (WCAG 2.x): reading the custom
 * properties a stylesheet sets for light and dark, parsing `#rgb`, `#rrggbb` and `rgb(r g b / a)`
 * values, compositing a translucent colour over the surface beneath it, and the contrast ratio.
 */

/** Channels 0–255, alpha 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** The custom properties a stylesheet sets on `:root`, and its dark scheme's overrides. */
export interface ThemeProperties {
  readonly light: ReadonlyMap<string, string>;
  readonly dark: ReadonlyMap<string, string>;
}

const darkQuery = '@media (prefers-color-scheme: dark)';

/** `--name: value;` declarations in a block of CSS, comments removed. */
function declarations(css: string): Map<string, string> {
  const found = new Map<string, string>();
  const uncommented = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of uncommented.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
    found.set(match[1], match[2].trim().replace(/\s+/g, ' '));
  return found;
}

/** The first `{ … }` block after `from` in `css`, braces balanced. */
function blockAfter(css: string, from: number): string {
  const open = css.indexOf('{', from);
  let depth = 0;
  for (let index = open; index < css.length; index++) {
    if (css[index] === '{') depth++;
    else if (css[index] === '}' && --depth === 0) return css.slice(open + 1, index);
  }
  throw new SyntaxError(`unbalanced braces after offset ${from}`);
}

/** Light is `:root`'s first block; dark is light with the dark media query's `:root` on top. */
export function readThemeProperties(css: string): ThemeProperties {
  const rootAt = css.indexOf(':root');
  const darkAt = css.indexOf(darkQuery);
  if (rootAt < 0 || darkAt < 0) throw new SyntaxError('no :root block or no dark-scheme block');
  const light = declarations(blockAfter(css, rootAt));
  const dark = new Map([...light, ...declarations(blockAfter(css, darkAt))]);
  return { light, dark };
}

/** A colour value: hex, or `rgb()` in the space-separated form app.css writes. */
export function parseColour(value: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d) : hex[1].match(/../g)!;
    const [r, g, b] = digits.map((pair) => Number.parseInt(pair, 16));
    return { r: r, g: g, b: b, a: 1 };
  }
  const rgb = /^rgba?\(\s*(\d+)\s+(\d+)\s+(\d+)\s*(?:\/\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] === '%' ? 100 : 1);
    return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha };
  }
  throw new SyntaxError(`not a colour this check reads: ${value}`);
}

/** `top` painted over the opaque `bottom` ("source over"). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => upper * top.a + lower * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2.x relative luminance of an opaque colour. */
function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(one: Rgba, other: Rgba): number {
  const [lighter, darker] = [luminance(one), luminance(other)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}
