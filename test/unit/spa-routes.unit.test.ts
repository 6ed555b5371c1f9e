import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isAssetPath, spaRewriteCode } from '../../infra/spa-routes';

const cloudFrontRewrite = runInNewContext(`${spaRewriteCode}\nhandler`) as (event: {
  request: { uri: string };
}) => { uri: string };

describe('files and client-side routes', () => {
  const files = [
    '/assets/index-3f2a.js',
    '/assets/index-3f2a.js.map',
    '/assets/app.CSS',
    '/favicon.svg',
    '/config.json',
  ];
  const routes = [
    '/',
    '/contacts/01HZX3K4M5N6P7Q8R9S0T1V2W3',
    '/settings/forms/acme.01HZX3K4M5N6P7Q8R9S0T1V2W3',
    '/settings/shops/my-shop.01HZX3K4M5N6P7Q8R9S0T1V2W3/edit',
    '/lists/v1.2',
  ];

  it('tells files by the extensions the web app is built with, so ids with dots are routes', () => {
    for (const path of files) expect(isAssetPath(path), path).toBe(true);
    for (const path of routes) expect(isAssetPath(path), path).toBe(false);
  });

  it('answers the same in the CloudFront function as in the local static server', () => {
    for (const path of files) expect(cloudFrontRewrite({ request: { uri: path } }).uri).toBe(path);
    for (const path of routes) expect(cloudFrontRewrite({ request: { uri: path } }).uri).toBe('/index.html');
  });
});
