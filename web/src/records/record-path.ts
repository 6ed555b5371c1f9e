/**
 * The address of a record's page. Ids with a dot (`acme.01J…`, forms and shop connections) would end the
 * path in what looks like a file name, and CloudFront (like the local server) answers such a path as a
 * missing file instead of the app, so a reload or a shared link would fail: the dot goes as `%2E`, which
 * the router decodes back.
 */
export function recordPath(base: string, id: string, action?: string): string {
  const segment = encodeURIComponent(id).replaceAll('.', '%2E');
  return action ? `${base}/${segment}/${action}` : `${base}/${segment}`;
}
