import { siteFeedResponse } from '../feed';

export const GET = () => siteFeedResponse('rss');
