import type { Attachment } from 'svelte/attachments';

/**
 * Moves focus to a screen's heading when the screen appears, so keyboard and screen-reader
 * users land on the new content instead of on a button that just disappeared.
 */
export const focusOnMount: Attachment<HTMLElement> = (element) => {
  element.focus();
};
