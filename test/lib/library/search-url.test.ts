import { describe, expect, it } from 'vitest';
import { buildSearchQuery, describeSearchTitle, readSearchQuery } from '../../../lib/library/search-url';

describe('the search page URL', () => {
  it.each([
    ['negative sampling', '?q=negative+sampling'],
    ['a&b=c #1 ?', '?q=a%26b%3Dc+%231+%3F'],
    ['café', '?q=caf%C3%A9'],
    ['', ''],
  ])('keeps %j in the URL and reads it back', (query, search) => {
    expect(buildSearchQuery(query)).toBe(search);
    expect(readSearchQuery(search)).toBe(query);
  });

  it.each([['?other=1'], [''], ['?q=']])('reads no query from %j', (search) => {
    expect(readSearchQuery(search)).toBe('');
  });

  it.each([
    ['', 'Search all videos'],
    ['  word vectors ', 'word vectors – Search all videos'],
  ])('titles the page for %j', (query, title) => {
    expect(describeSearchTitle(query)).toBe(title);
  });
});
