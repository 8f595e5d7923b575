const dateFormatter = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "March 12, 2024"; always UTC so the page does not depend on the build machine's zone. */
export function formatDate(date: Date): string {
  return dateFormatter.format(date);
}

/** "2024-03-12" for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatMinutes(minutes: number): string {
  return `${minutes} min read`;
}

/**
 * A post's title with its deck, for places that show one line per post and no
 * room for a second (feed item titles): "Title — Deck". Without a deck, the title.
 */
export function titleWithDeck(title: string, deck: string | undefined): string {
  return deck ? `${title} — ${deck}` : title;
}
