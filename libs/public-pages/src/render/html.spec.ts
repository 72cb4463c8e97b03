import { escapeHtml, markup, trusted } from './html';

describe('markup template', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"onload="alert(1)', '&quot;onload=&quot;alert(1)'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['Fish & <Chips>', 'Fish &amp; &lt;Chips&gt;'],
    ['nul\u0000 and \u000B gone', 'nul and  gone'],
  ])('escapes %j', (hostile, escaped) => {
    expect(escapeHtml(hostile)).toBe(escaped);
    expect(markup`<p title="${hostile}">${hostile}</p>`.value).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it('nests templates unescaped, joins lists and drops empty slots', () => {
    const items = ['a<b', 'c'].map((x) => markup`<li>${x}</li>`);
    expect(markup`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>0',
    );
  });

  it('passes trusted markup as it is', () => {
    expect(markup`<div>${trusted('<svg/>')}</div>`.value).toBe('<div><svg/></div>');
  });
});
