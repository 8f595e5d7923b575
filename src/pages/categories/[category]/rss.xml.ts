import type { GetStaticPaths } from 'astro';
import { SITE } from '../../../site.config';
import { paths } from '../../../lib/routes/paths';
import { feedResponse } from '../../../feed';
import { getSiteContent, type Category } from '../../../collections/posts';

export const getStaticPaths = (async () => {
  const { categories } = await getSiteContent();
  return [...categories.values()].map((category) => ({ params: { category: category.id }, props: { category } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: { props: { category: Category } }): Promise<Response> {
  const { category } = props;
  const { byCategory } = await getSiteContent();
  return feedResponse({
    title: `${SITE.name}: ${category.data.name}`,
    description: category.data.description,
    selfPath: paths.categoryFeed(category.id),
    posts: byCategory.get(category.id) ?? [],
    sources: category.filePath ? [category.filePath] : [],
  });
}
