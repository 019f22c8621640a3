/**
 * The H5 screen key: the route of the page's URL (path and hash route without query values),
 * with record ids as `:id`, so two news details or two pages of one list are one screen.
 */

/** Route part of a URL: path and hash route without query values, record-id segments as ":id". */
export function h5ScreenKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.hash.split('?')[0] ?? ''}`.split('/').map(idSegment).join('/');
  } catch {
    return url;
  }
}

/** A path segment that is a record id (news/123, complaints/TS2026100087) becomes ":id". */
function idSegment(segment: string): string {
  return /^\d+$/.test(segment) || (segment.replace(/\D/g, '').length >= 3 && /^[\w-]+$/.test(segment)) ? ':id' : segment;
}
