/**
 * Marks the section being read in the "On this page" lists with
 * aria-current, as the reader scrolls. The section being read is the last one
 * whose heading has passed the reading line, 30% of the way down the
 * viewport. An IntersectionObserver wakes this up only when a heading crosses
 * the band above that line, so nothing runs on every scroll event.
 */
const READING_LINE = 0.3;

const linksByHeading = new Map<Element, HTMLAnchorElement[]>();
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-toc-link]')) {
  const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (heading) linksByHeading.set(heading, [...(linksByHeading.get(heading) ?? []), link]);
}
// The lists follow the body, so the map's order is the headings' order on the page.
const headings = [...linksByHeading.keys()];
let current: Element | undefined;

function markCurrent(): void {
  const line = window.innerHeight * READING_LINE;
  let reading: Element | undefined;
  for (const heading of headings) {
    if (heading.getBoundingClientRect().top > line) break;
    reading = heading;
  }
  if (reading === current) return;
  for (const link of (current && linksByHeading.get(current)) || []) link.removeAttribute('aria-current');
  for (const link of (reading && linksByHeading.get(reading)) || []) link.setAttribute('aria-current', 'true');
  current = reading;
}

if (headings.length > 0 && 'IntersectionObserver' in window) {
  // The root is the band above READING_LINE: a heading entering or leaving it may change the section.
  const observer = new IntersectionObserver(markCurrent, {
    rootMargin: '0px 0px -70% 0px',
  });
  for (const heading of headings) observer.observe(heading);
}
