/**
 * A Vite plugin: a content script's CSS, which Vite gathers from every
 * `import './X.css'` of the components it bundles, goes inside the script
 * itself instead of a file beside it (issue 11). WXT's `cssInjectionMode:
 * 'ui'` fetches that file when the shadow root is made, 40–110 ms on the
 * panel's start-up path, while the transcript itself is at hand in 15–25 ms;
 * a string in the script costs nothing to reach. The script exports
 * `INLINE_CSS_PLACEHOLDER` (inline-css-placeholder.ts) as a string (see
 * `entrypoints/youtube.content/panel-css.ts`); the built chunk gets the CSS in
 * its place and the CSS file is dropped, so the page cannot ask for it either.
 */
import type { Plugin } from 'vite';
import { INLINE_CSS_PLACEHOLDER } from './inline-css-placeholder';

/** The placeholder as the minifier may have quoted it. */
const QUOTED_PLACEHOLDER = new RegExp(`(["'\`])${INLINE_CSS_PLACEHOLDER}\\1`, 'g');

export function inlineContentScriptCss(): Plugin {
  return {
    name: 'yts:inline-content-script-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.code.includes(INLINE_CSS_PLACEHOLDER)) continue;
        const cssName = chunk.fileName.replace(/\.js$/, '.css');
        const css = bundle[cssName];
        // A script that asks for its CSS must get it: an unstyled panel is a broken one.
        if (css?.type !== 'asset') this.error(`${chunk.fileName} asks for its CSS, but the build made no ${cssName}`);
        const text = typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source);
        // As WXT does for a shadow root: the page's :root is not the panel's.
        const literal = JSON.stringify(text.replaceAll(':root', ':host'));
        const places = chunk.code.match(QUOTED_PLACEHOLDER)?.length ?? 0;
        if (places !== 1) this.error(`${chunk.fileName} holds its CSS placeholder ${places} times, not once`);
        chunk.code = chunk.code.replace(QUOTED_PLACEHOLDER, () => literal);
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- Rollup's way to drop an emitted file in generateBundle
        delete bundle[cssName];
      }
    },
  };
}
