/** The reviewers' pages (the stand-in for the SharePoint library view forum members use): see urls.ts. */
export { renderPage, type RenderedPage } from './renderPage';
export { PAGE_HEADERS, REVIEWERS_CSP } from './style';
export { folderPath, PAGE_PATH, pageRoute, versionPath, type PageRoute } from './urls';
