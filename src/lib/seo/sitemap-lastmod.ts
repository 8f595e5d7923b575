/**
 * <lastmod> for every sitemap URL that has one, from content dates only, so a
 * rebuild of the same commit writes the same sitemap (no build clock).
 *
 * - A post: its updatedDate when the author gave one, else its pubDate.
 * - A listing page (home, /posts/, category, tag and author pages, each page
 *   of them): the newest such date among the posts it lists. A new post
 *   shifts every later page by one, and the post that moves onto a page is
 *   newer than all it held, so each affected page's date moves forward too.
 *
 * Pages that list no post (search, subscribe, 404) get none: the sitemap
 * protocol makes lastmod optional, and a made-up date would mislead crawlers.
 */
import { paths } from '../routes/paths';
import { homeListing, latestDate } from '../posts/listing';

export interface DatedPost {
  id: string;
  data: {
    pubDate: Date;
    updatedDate?: Date | undefined;
    featured?: boolean | undefined;
    tags: readonly string[];
    category: { id: string };
    author: { id: string };
  };
}

export interface ListingShape {
  /** Posts per page of every paginated listing. */
  pageSize: number;
  /** Posts the home page lists besides the featured one. */
  homeLatestCount: number;
}

/**
 * Site-relative path (as src/lib/routes/paths.ts spells it) → lastmod.
 * `posts` are the published posts, newest first, as the listings show them.
 */
export function lastmodByPath(posts: readonly DatedPost[], shape: ListingShape): Map<string, Date> {
  const dates = new Map<string, Date>();
  const set = (path: string, date: Date | undefined) => {
    if (date) dates.set(path, date);
  };
  for (const post of posts) set(paths.post(post.id), latestDate([post]));

  const paginated = (list: readonly DatedPost[], pathOf: (page: number) => string) => {
    for (let page = 1; (page - 1) * shape.pageSize < list.length; page++)
      set(pathOf(page), latestDate(list.slice((page - 1) * shape.pageSize, page * shape.pageSize)));
  };
  paginated(posts, (page) => paths.posts(page));

  const groups = (keysOf: (post: DatedPost) => readonly string[]) => {
    const byKey = new Map<string, DatedPost[]>();
    for (const post of posts)
      for (const key of new Set(keysOf(post))) {
        const list = byKey.get(key);
        if (list) list.push(post);
        else byKey.set(key, [post]);
      }
    return byKey;
  };
  for (const [id, list] of groups((post) => [post.data.category.id]))
    paginated(list, (page) => paths.category(id, page));
  for (const [id, list] of groups((post) => [post.data.author.id])) paginated(list, (page) => paths.author(id, page));
  // paths.tag slugs the tag, so two spellings of one slug (refused by the content checks) would share a page.
  for (const [tag, list] of groups((post) => post.data.tags)) paginated(list, (page) => paths.tag(tag, page));
  // The tags index counts every tagged post, so it changes with the newest of them.
  set(paths.tags(), latestDate(posts.filter((post) => post.data.tags.length > 0)));

  const { featured, latest } = homeListing(posts, shape.homeLatestCount);
  set(paths.home(), latestDate(featured ? [featured, ...latest] : latest));
  return dates;
}

/**
 * The sitemap's serialize hook (@astrojs/sitemap): adds lastmod to the URLs
 * `dates` knows, keyed by path below `siteRoot` (the absolute URL of the site,
 * base path included), and leaves every other URL as it is.
 */
export function withLastmod<Item extends { url: string; lastmod?: string | undefined }>(
  item: Item,
  dates: ReadonlyMap<string, Date>,
  siteRoot: string,
): Item {
  if (!item.url.startsWith(siteRoot)) return item;
  const date = dates.get(decodeURI(item.url.slice(siteRoot.length)));
  return date ? { ...item, lastmod: date.toISOString() } : item;
}
