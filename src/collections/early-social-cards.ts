/**
 * Starts drawing a build's social cards during content sync, post by post as
 * the posts loader stores them, instead of when the card route's
 * getStaticPaths() runs after Vite's bundle. A cold build then draws
 * on the core that content sync and bundling leave idle (docs/benchmarks.md).
 *
 * This is a head start, never the source of truth: the card route lists the
 * cards from the collections (social-cards.ts), and the build waits for, or
 * draws, each card it lists before copying it (card-files.ts). A card started
 * here that the route does not list is drawn and cached but not emitted; a
 * card the route lists that was not started here is drawn then. Both lists
 * build each card's content with social-card-content.ts, so the same card has
 * the same cache key and is found in flight (social-card.ts shares that map
 * across the two copies of the module that content sync and the pages load).
 *
 * Only `npm run build` starts it: it hands the card worker's bundle over in
 * SOCIAL_CARD_WORKER. `astro dev` draws each card when it is requested.
 */
import { env } from '../env';
import { referencedId, type SyncedEntry } from '../lib/content/synced-entry';
import { buildNow, publicationState } from '../lib/posts/publishing';
import type { CardContent } from '../lib/social/card-layout';
import { authorCard, categoryCard } from '../lib/social/cards';
import { startSocialCardDrawing, type CardDrawing } from '../lib/social/social-card';
import { cardSite, postCardContent, siteCard, socialCardCacheDir } from './social-card-content';

/** What a post's card needs from the other collections. */
export interface CardLookups {
  categoryNames: ReadonlyMap<string, string>;
  authorNames: ReadonlyMap<string, string>;
  /** Posts a survey names as its article: they get the survey's chart card, not a drawn one. */
  postsWithChart: ReadonlySet<string>;
}

type LookupCollection = 'categories' | 'authors' | 'surveys';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The site card and the category and author cards, as the route lists them. */
export function siteCards(categories: readonly SyncedEntry[], authors: readonly SyncedEntry[]): CardContent[] {
  return [
    siteCard,
    ...categories.flatMap(({ data }) => {
      const [name, description] = [text(data.name), text(data.description)];
      return name !== undefined && description !== undefined ? [categoryCard({ name, description })] : [];
    }),
    ...authors.flatMap(({ data }) => {
      const [name, role, bio] = [text(data.name), text(data.role), text(data.bio)];
      return name !== undefined && bio !== undefined ? [authorCard({ name, role, bio })] : [];
    }),
  ];
}

export function cardLookups(
  categories: readonly SyncedEntry[],
  authors: readonly SyncedEntry[],
  surveys: readonly SyncedEntry[],
): CardLookups {
  const names = (entries: readonly SyncedEntry[]) =>
    new Map(entries.flatMap(({ id, data }) => (typeof data.name === 'string' ? [[id, data.name] as const] : [])));
  return {
    categoryNames: names(categories),
    authorNames: names(authors),
    postsWithChart: new Set(surveys.flatMap(({ data }) => text(data.article) ?? [])),
  };
}

/**
 * A post's drawn card as the route will list it, or undefined when the route
 * will not draw one: not published at `now`, or a card of its own (a hero
 * image meant for cards, or its survey's chart). An entry whose data does not
 * have the shape the schemas promise is left to the route too.
 */
export function earlyPostCard({ id, data }: SyncedEntry, lookups: CardLookups, now: Date): CardContent | undefined {
  const { title, deck, pubDate, draft, heroImage } = data;
  const category = lookups.categoryNames.get(referencedId(data.category) ?? '');
  const author = lookups.authorNames.get(referencedId(data.author) ?? '');
  if (typeof title !== 'string' || !(pubDate instanceof Date) || typeof draft !== 'boolean') return undefined;
  if (category === undefined || author === undefined || (deck !== undefined && typeof deck !== 'string'))
    return undefined;
  if (publicationState({ draft, pubDate }, now) !== 'published' || lookups.postsWithChart.has(id)) return undefined;
  if ((heroImage as { socialCard?: unknown } | undefined)?.socialCard) return undefined;
  return postCardContent({ title, deck, pubDate }, { category, author });
}

/**
 * Feeds the loaders' entries to one card drawing per build. Posts that sync
 * before the collections they name wait for them; cards go to the worker in
 * batches, one per turn of the event loop.
 */
class EarlyCards {
  private readonly lookupEntries = new Map<LookupCollection, readonly SyncedEntry[]>();
  private lookups: CardLookups | undefined;
  private drawing: CardDrawing | undefined;
  private waitingPosts: SyncedEntry[] = [];
  private batch: CardContent[] = [];
  private postsDone = false;
  private queued = 0;
  private readonly now = buildNow(env.SOURCE_DATE_EPOCH);

  constructor(private readonly workerFile: string) {}

  lookupSynced(collection: LookupCollection, entries: Iterable<SyncedEntry>): void {
    if (this.lookups) return;
    this.lookupEntries.set(collection, [...entries]);
    const [categories, authors, surveys] = (['categories', 'authors', 'surveys'] as const).map((name) =>
      this.lookupEntries.get(name),
    );
    if (!categories || !authors || !surveys) return;
    this.lookups = cardLookups(categories, authors, surveys);
    this.lookupEntries.clear();
    this.drawing = startSocialCardDrawing(cardSite, socialCardCacheDir, { workerFile: this.workerFile });
    this.queued += this.drawing.add(siteCards(categories, authors));
    for (const post of this.waitingPosts.splice(0)) this.postSynced(post);
    if (this.postsDone) this.postsSynced();
  }

  postSynced(entry: SyncedEntry): void {
    if (!this.lookups) {
      this.waitingPosts.push(entry);
      return;
    }
    const content = earlyPostCard(entry, this.lookups, this.now);
    if (!content) return;
    if (this.batch.length === 0) setImmediate(() => this.flush());
    this.batch.push(content);
  }

  postsSynced(): void {
    this.postsDone = true;
    if (!this.drawing) return;
    this.flush();
    void this.drawing.finish();
    console.log(
      this.queued === 0
        ? '[site-social-cards] every social card is in the cache'
        : `[site-social-cards] drawing ${this.queued.toLocaleString('en')} social card${this.queued === 1 ? '' : 's'} from content sync on`,
    );
  }

  private flush(): void {
    if (this.drawing) this.queued += this.drawing.add(this.batch.splice(0));
  }
}

let early: EarlyCards | undefined;
/** Only `npm run build` draws early: it hands over the card worker's bundle in SOCIAL_CARD_WORKER. */
const earlyCards = () => (env.SOCIAL_CARD_WORKER ? (early ??= new EarlyCards(env.SOCIAL_CARD_WORKER)) : undefined);

/** The categories, authors or surveys loader has filled its store. */
export function lookupCollectionSynced(collection: LookupCollection, entries: Iterable<SyncedEntry>): void {
  earlyCards()?.lookupSynced(collection, entries);
}

/** The posts loader has stored one post that passed its checks. */
export function postSynced(entry: SyncedEntry): void {
  earlyCards()?.postSynced(entry);
}

/** The posts loader has stored every post. */
export function postsSynced(): void {
  earlyCards()?.postsSynced();
}
