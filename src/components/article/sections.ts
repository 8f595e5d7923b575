/** Sections the layout adds to a post's body, for its heading and the "On this page" list alike. */
export const FAQ_SECTION = { slug: 'faq', text: 'Frequently asked questions' } as const;
