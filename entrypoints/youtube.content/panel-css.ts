import { INLINE_CSS_PLACEHOLDER } from '../../build/inline-css-placeholder';

/**
 * The CSS of everything the content script draws (the components' own CSS
 * files and host.css), put here by the build (build/inline-content-script-css.ts):
 * the panel's shadow root gets it at once, without fetching a file.
 */
export const PANEL_CSS: string = INLINE_CSS_PLACEHOLDER;
