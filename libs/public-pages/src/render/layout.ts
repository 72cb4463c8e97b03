import { createHash } from 'node:crypto';
import { Html, markup, trusted } from './html';
import { MESSAGES, PAGE_LANGUAGES } from './messages';
import { cataloguePath, cityPath, PageContext } from './page-context';

// Colours ≥ 4.5:1 on white (text #1a1a1a 17:1, links #0b4f9c 8:1, gaps #8a1c1c 8:1, muted #595959 7:1);
// the focus ring is 3px and never removed; the skip link shows when focused.
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,Arial,Helvetica,sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #595959}
footer{border-top:1px solid #595959;color:#595959;font-size:.9rem}
a{color:#0b4f9c;text-decoration:underline}
a:focus-visible,main:focus-visible{outline:3px solid #a33a00;outline-offset:2px}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
nav ul,.downloads{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #595959;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right}
.gap{color:#8a1c1c;font-style:italic}
.muted{color:#595959}
article{border-top:1px solid #e0e0e0;padding-top:.5rem}
dt{font-weight:bold}
dd{margin:0 0 .5rem}
figure{margin:0}
figure svg{max-width:40rem;height:auto;display:block}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:4px solid #595959}
`.trim();

// The pages' Content-Security-Policy: nothing loads or runs, only this stylesheet (by its hash) and
// images of the API itself or data: URLs.
export const PAGE_CSP =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; ` +
  `img-src 'self' data:; base-uri 'none'; form-action 'none'`;

export function layout(ctx: PageContext, title: string, path: string, body: Html): string {
  const languages = PAGE_LANGUAGES.map((language) => {
    const name = MESSAGES[language].languageName;
    return language === ctx.language
      ? markup`<li><a href="${path}?lang=${language}" lang="${language}" hreflang="${language}" aria-current="page">${name}</a></li>`
      : markup`<li><a href="${path}?lang=${language}" lang="${language}" hreflang="${language}">${name}</a></li>`;
  });
  return markup`<!doctype html>
<html lang="${ctx.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${ctx.city.name}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">${ctx.m.skipToContent}</a>
<header>
<p><a href="${cityPath(ctx)}">${ctx.m.cityPageOf(ctx.city.name)}</a> · ${ctx.m.siteName}</p>
<nav aria-label="${ctx.m.language}"><ul>${languages}</ul></nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>
<p>${ctx.m.footer}</p>
<p><a href="${cataloguePath(ctx)}">${ctx.m.catalogue}</a> · <a href="${ctx.licence}" rel="license">${ctx.m.dataLicence}</a></p>
</footer>
</body>
</html>
`.value;
}
