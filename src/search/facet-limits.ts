/** How many values of a long facet the search page shows before the reader asks for more: its most common ones. */
export const shortList = 10;

/**
 * The most values a long facet adds to the page at a time, when expanded or narrowed: on 10,000
 * agreements the agency facet has 1,250 values, and updating that many checkboxes on every search
 * took longer than the search itself.
 */
export const facetPage = 100;
