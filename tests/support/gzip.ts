import { gzipSync } from 'node:zlib';
export const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;
