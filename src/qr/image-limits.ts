/** The largest image file the extension decodes (a screenshot of a 4K screen is a few MB). */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
