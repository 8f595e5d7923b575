/**
 * Components every post can use without an import line. The article page and
 * the RSS renderer both pass this map, so a post renders the same everywhere.
 */
import Callout from './Callout.astro';
import VoteChart from '../chart/VoteChart.astro';

export const mdxComponents = { Callout, VoteChart };
