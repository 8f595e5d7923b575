import type { GetStaticPaths } from 'astro';
import { categoryFeedPaths, categoryFeedResponse } from '../../../feed';
import type { Category } from '../../../collections/posts';

export const getStaticPaths = categoryFeedPaths satisfies GetStaticPaths;

export const GET = ({ props }: { props: { category: Category } }) => categoryFeedResponse('rss', props.category);
