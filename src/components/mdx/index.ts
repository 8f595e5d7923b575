/**
 * Components every post can use without an import line. The article page uses
 * mdxComponents; the RSS renderer uses feedMdxComponents, which differ only
 * where feed readers need something else (a chart image instead of an island).
 */
import Callout from './Callout.astro';
import VoteChart from '../chart/VoteChart.astro';
import VoteChartForFeed from '../chart/VoteChartForFeed.astro';
import type { MdxComponentName } from './names';

export const mdxComponents = { Callout, VoteChart } satisfies Record<MdxComponentName, unknown>;
export const feedMdxComponents = { ...mdxComponents, VoteChart: VoteChartForFeed };
