/**
 * Which request paths are files of the built web app and which are client-side routes, for CloudFront
 * (a viewer-request function) and the local cloud's static server alike. A route's last segment may hold
 * a dot (a form id is `<workspace>.<ulid>`), so a file is told by its extension, not by having one.
 */
export const assetExtensions = [
  'html',
  'js',
  'css',
  'map',
  'json',
  'svg',
  'png',
  'ico',
  'woff2',
  'txt',
  'webmanifest',
];

const assetPattern = `\\.(${assetExtensions.join('|')})$`;

export function isAssetPath(path: string): boolean {
  return new RegExp(assetPattern, 'i').test(path);
}

/** The CloudFront Function (JS 2.0 runtime): any path that is not a file gets the app shell. */
export const spaRewriteCode = `function handler(event) {
  var request = event.request;
  if (!/${assetPattern}/i.test(request.uri)) {
    request.uri = '/index.html';
  }
  return request;
}`;
