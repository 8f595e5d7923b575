/** A validator for JSON Feed 1.1 (tests/support/jsonfeed-1.1.schema.json), with ajv and its uri and date-time formats. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('./jsonfeed-1.1.schema.json', import.meta.url), 'utf8')) as object;
// strictRequired off: the item's anyOf names content_html/content_text, which its parent defines, not the branch.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv, ['uri', 'date-time']);
const validate = ajv.compile(schema);

/** Every way `feed` breaks JSON Feed 1.1, as "path message" lines; empty when it is valid. */
export function jsonFeedErrors(feed: unknown): string[] {
  return validate(feed) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
}
