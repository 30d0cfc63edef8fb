/** What a content script holds in place of its CSS until the build puts the CSS there (inline-content-script-css.ts). */
export const INLINE_CSS_PLACEHOLDER = '__YTS_INLINE_CONTENT_SCRIPT_CSS__';
